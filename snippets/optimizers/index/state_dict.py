import io

import torch
from torch import nn

torch.manual_seed(0)
x, y = torch.randn(16, 3), torch.randn(16, 1)


def train_step(model, optimizer):
    optimizer.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    optimizer.step()


model = nn.Linear(3, 1)
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
train_step(model, optimizer)

state = optimizer.state_dict()
print(list(state))
print(list(state["state"][0]), state["state"][0]["step"])
print(state["param_groups"][0]["params"], state["param_groups"][0]["lr"])

# a checkpoint holds the model's and the optimizer's state
buffer = io.BytesIO()
torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict()}, buffer)
train_step(model, optimizer)  # the original run goes on

for restore_optimizer in (True, False):
    buffer.seek(0)
    checkpoint = torch.load(buffer)
    resumed = nn.Linear(3, 1)
    resumed.load_state_dict(checkpoint["model"])
    resumed_optimizer = torch.optim.Adam(resumed.parameters(), lr=0.01)
    if restore_optimizer:
        resumed_optimizer.load_state_dict(checkpoint["optimizer"])
    train_step(resumed, resumed_optimizer)
    print("optimizer restored:", restore_optimizer, "-> same weights:", torch.equal(resumed.weight, model.weight))

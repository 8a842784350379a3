import tempfile
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
x, target = torch.randn(32, 5), torch.randn(32, 1)
initial = nn.Linear(5, 1).state_dict()


def make():
    """A fresh model and optimizer, starting from the same weights."""
    model = nn.Linear(5, 1)
    model.load_state_dict(initial)
    return model, torch.optim.Adam(model.parameters(), lr=0.1)


def train(model, optimizer, epochs):
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = nn.functional.mse_loss(model(x), target)
        loss.backward()
        optimizer.step()
    return loss.item()


# Run 1: six epochs without a break.
model, optimizer = make()
train(model, optimizer, 6)
uninterrupted = model.weight.detach().clone()

# Run 2: three epochs, save a checkpoint ...
model, optimizer = make()
loss = train(model, optimizer, 3)
path = Path(tempfile.mkdtemp()) / "checkpoint.pt"
torch.save({"epoch": 3, "model": model.state_dict(), "optimizer": optimizer.state_dict(), "loss": loss}, path)

# ... then, later (a new process, say), rebuild everything and resume.
model, optimizer = make()
checkpoint = torch.load(path)
model.load_state_dict(checkpoint["model"])
optimizer.load_state_dict(checkpoint["optimizer"])
print(f"resuming after epoch {checkpoint['epoch']}, loss {checkpoint['loss']:.4f}")
train(model, optimizer, 6 - checkpoint["epoch"])
print("same weights as without the break:", torch.equal(model.weight, uninterrupted))

# Resuming with the model state only: Adam restarts its moment estimates.
model, optimizer = make()
model.load_state_dict(checkpoint["model"])
train(model, optimizer, 3)
print("without the optimizer state:      ", torch.equal(model.weight, uninterrupted))

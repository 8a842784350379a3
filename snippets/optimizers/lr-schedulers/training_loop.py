import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(64, 3)
y = x @ torch.tensor([2.0, -1.0, 0.5]) + 0.1 * torch.randn(64)
model = nn.Linear(3, 1)
loss_fn = nn.MSELoss()
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=2, gamma=0.5)

for epoch in range(6):
    lr = scheduler.get_last_lr()[0]  # the learning rate this epoch trains with
    for xb, yb in zip(x.split(16), y.split(16)):  # 4 mini-batches per epoch
        loss = loss_fn(model(xb).squeeze(1), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()  # once per batch
    scheduler.step()  # once per epoch, after the epoch's optimizer steps
    print(f"epoch {epoch}: lr={lr:.4f}  loss={loss.item():.4f}")

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(64, 3)
y = x @ torch.tensor([2.0, -1.0, 0.5])
model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
epochs, batches = 3, 4
scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=0.1, epochs=epochs, steps_per_epoch=batches)

for epoch in range(epochs):
    lrs = []
    for xb, yb in zip(x.split(16), y.split(16)):
        lrs.append(f"{scheduler.get_last_lr()[0]:.3g}")
        loss = nn.functional.mse_loss(model(xb).squeeze(1), yb)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        scheduler.step()  # once per batch
    print(f"epoch {epoch}:", " ".join(lrs))
print("scheduler steps:", scheduler.last_epoch, "of", scheduler.total_steps)

import tempfile
from pathlib import Path

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
x = torch.randn(16, 4)
model(x).sum().backward()
optimizer.step()  # one step, so that Adam has some state to save

for name, tensor in model.state_dict().items():
    print(f"{name:22} {tuple(tensor.shape)}")
print("optimizer:", list(optimizer.state_dict()), "| state of", len(optimizer.state_dict()["state"]), "parameters")

folder = Path(tempfile.mkdtemp())
torch.save(model.state_dict(), folder / "model.pt")
torch.save(optimizer.state_dict(), folder / "optimizer.pt")

fresh = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8), nn.ReLU(), nn.Linear(8, 3))  # same architecture
print(fresh.load_state_dict(torch.load(folder / "model.pt")))
model.eval()
fresh.eval()
with torch.no_grad():
    print("same outputs:", torch.equal(model(x), fresh(x)))

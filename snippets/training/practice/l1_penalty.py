import torch
from torch import nn

torch.manual_seed(0)
X = torch.randn(100, 6)
y = 3 * X[:, 0] - 2 * X[:, 1] + 0.5 * torch.randn(100)  # only features 0 and 1 matter


def fit(l1=0.0, l2=0.0, steps=300, lr=0.05):
    torch.manual_seed(0)
    model = nn.Linear(6, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        w = model.weight
        loss = nn.functional.mse_loss(model(X).squeeze(1), y)
        loss = loss + l1 * w.abs().sum() + l2 / 2 * w.pow(2).sum()  # penalties on weights only
        loss.backward()
        optimizer.step()
    return " ".join(f"{v:5.2f}" for v in (model.weight.detach().round(decimals=2) + 0.0).flatten().tolist())


print("no penalty: ", fit())
print("L1, 0.2:    ", fit(l1=0.2))
print("L2, 0.1:    ", fit(l2=0.1))

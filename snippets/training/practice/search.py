import itertools

import torch
from sklearn.datasets import load_digits
from torch import nn

torch.manual_seed(0)
digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(0))
train_idx, val_idx, test_idx = perm[:1000], perm[1000:1400], perm[1400:]


def train(lr, hidden, steps=30):
    """A small MLP trained with these hyperparameters."""
    torch.manual_seed(0)  # the same initialisation recipe for every trial
    model = nn.Sequential(nn.Linear(64, hidden), nn.ReLU(), nn.Linear(hidden, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    for _ in range(steps):
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(X[train_idx]), y[train_idx]).backward()
        optimizer.step()
    return model


def accuracy(model, idx):
    with torch.no_grad():
        return (model(X[idx]).argmax(dim=1) == y[idx]).float().mean().item()


# Grid search: every combination of a few values.
grid = {"lr": [0.001, 0.01, 0.1], "hidden": [8, 32]}
trials = []
for lr, hidden in itertools.product(grid["lr"], grid["hidden"]):
    trials.append((accuracy(train(lr, hidden), val_idx), lr, hidden))

# Random search: sample each hyperparameter from a distribution.
g = torch.Generator().manual_seed(0)
for _ in range(6):
    lr = 10 ** torch.empty(1).uniform_(-3, -0.5, generator=g).item()  # log-uniform in [1e-3, 0.3]
    hidden = [8, 16, 32, 64][torch.randint(4, (1,), generator=g).item()]
    trials.append((accuracy(train(lr, hidden), val_idx), lr, hidden))
for n, (acc, lr, hidden) in enumerate(trials):
    print(f"{'grid' if n < 6 else 'random':6} lr={lr:<6.4f} hidden={hidden:<2} val accuracy {acc:.3f}")

acc, lr, hidden = max(trials)  # the best validation accuracy
test_acc = accuracy(train(lr, hidden), test_idx)  # the test set is used once, at the very end
print(f"best: lr={lr:.4f}, hidden={hidden}; test accuracy {test_acc:.3f}")

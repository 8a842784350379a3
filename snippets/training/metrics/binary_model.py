import torch
from sklearn.datasets import load_breast_cancer
from torch import nn

torch.manual_seed(0)
data = load_breast_cancer()
# Two of the 30 features only (mean texture, mean smoothness): a deliberately modest model.
X = torch.tensor(data.data[:, [1, 4]], dtype=torch.float32)
y = torch.tensor(data.target == 0, dtype=torch.float32)  # 1 = malignant (the positive class)

perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(0))
train_idx, test_idx = perm[:400], perm[400:]
mean, std = X[train_idx].mean(dim=0), X[train_idx].std(dim=0)  # training statistics only
X = (X - mean) / std

model = nn.Linear(2, 1)  # logistic regression: a linear layer + sigmoid
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
loss_fn = nn.BCEWithLogitsLoss()
for step in range(100):
    optimizer.zero_grad()
    loss_fn(model(X[train_idx]).squeeze(1), y[train_idx]).backward()
    optimizer.step()

model.eval()
with torch.no_grad():
    scores = torch.sigmoid(model(X[test_idx]).squeeze(1))  # P(malignant) per test sample
y_true = y[test_idx].long()
y_pred = (scores >= 0.5).long()  # the usual threshold

print("test samples:", len(y_true), "| malignant:", y_true.sum().item())
print("scores:", scores[:6].round(decimals=3))
print("y_pred:", y_pred[:6])
print("y_true:", y_true[:6])

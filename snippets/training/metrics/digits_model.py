import torch
from sklearn.datasets import load_digits
from torch import nn

torch.manual_seed(0)
digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16  # 1,797 images of 8x8 pixels, flattened
y = torch.tensor(digits.target)  # class indices 0-9

perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(0))
train_idx, test_idx = perm[:1257], perm[1257:]

model = nn.Linear(64, 10)  # softmax regression: one logit per class
optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
for step in range(20):  # a short training: good, not perfect
    optimizer.zero_grad()
    nn.functional.cross_entropy(model(X[train_idx]), y[train_idx]).backward()
    optimizer.step()

model.eval()
X_test, targets = X[test_idx], y[test_idx]
with torch.no_grad():
    preds = model(X_test).argmax(dim=1)  # the predicted class of each test image

print("test samples:", len(targets))
print("preds:  ", preds[:12].tolist())
print("targets:", targets[:12].tolist())

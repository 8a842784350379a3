import matplotlib.pyplot as plt
import torch
from sklearn.datasets import load_digits
from torch import nn

torch.manual_seed(0)
digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(0))
train_idx, val_idx = perm[:100], perm[1297:]  # a tiny training set overfits quickly

model = nn.Sequential(nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 10))
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
history = {"train_loss": [], "val_loss": [], "val_accuracy": []}
for epoch in range(40):
    model.train()
    optimizer.zero_grad()
    loss = nn.functional.cross_entropy(model(X[train_idx]), y[train_idx])
    loss.backward()
    optimizer.step()

    model.eval()
    with torch.no_grad():
        logits = model(X[val_idx])
    history["train_loss"].append(loss.item())
    history["val_loss"].append(nn.functional.cross_entropy(logits, y[val_idx]).item())
    history["val_accuracy"].append((logits.argmax(dim=1) == y[val_idx]).float().mean().item())

best = min(range(40), key=history["val_loss"].__getitem__)
for epoch in (0, 9, best, 39):
    print(f"epoch {epoch + 1:2}: " + ", ".join(f"{k} {v[epoch]:.3f}" for k, v in history.items()))

fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(9, 3.2))
epochs = range(1, 41)
ax_loss.plot(epochs, history["train_loss"], label="training")
ax_loss.plot(epochs, history["val_loss"], label="validation")
ax_loss.set(xlabel="epoch", ylabel="cross-entropy loss")
ax_loss.legend()
ax_acc.plot(epochs, history["val_accuracy"])
ax_acc.set(xlabel="epoch", ylabel="validation accuracy")
fig.savefig("learning_curves.png")

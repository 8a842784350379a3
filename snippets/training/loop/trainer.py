import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split


class Trainer:
    """Train a classifier; record loss and accuracy after every epoch."""

    def __init__(self, model, loss_fn, optimizer, device="cpu"):
        self.model = model.to(device)
        self.loss_fn = loss_fn
        self.optimizer = optimizer
        self.device = device
        self.history = {"train_loss": [], "val_loss": [], "val_accuracy": []}

    def train_epoch(self, loader):
        """One pass over `loader`, updating the model; returns the mean training loss."""
        self.model.train()
        total, seen = 0.0, 0
        for inputs, labels in loader:
            inputs, labels = inputs.to(self.device), labels.to(self.device)
            self.optimizer.zero_grad()
            loss = self.loss_fn(self.model(inputs), labels)
            loss.backward()
            self.optimizer.step()
            total += loss.item() * len(labels)
            seen += len(labels)
        return total / seen

    @torch.no_grad()
    def evaluate(self, loader):
        """Mean loss and accuracy on `loader`, without changing the model."""
        self.model.eval()
        total, correct, seen = 0.0, 0, 0
        for inputs, labels in loader:
            inputs, labels = inputs.to(self.device), labels.to(self.device)
            logits = self.model(inputs)
            total += self.loss_fn(logits, labels).item() * len(labels)
            correct += (logits.argmax(dim=1) == labels).sum().item()
            seen += len(labels)
        return total / seen, correct / seen

    def fit(self, train_loader, val_loader, epochs):
        for epoch in range(1, epochs + 1):
            train_loss = self.train_epoch(train_loader)
            val_loss, val_accuracy = self.evaluate(val_loader)
            self.history["train_loss"].append(train_loss)
            self.history["val_loss"].append(val_loss)
            self.history["val_accuracy"].append(val_accuracy)
            print(f"epoch {epoch}: train loss {train_loss:.4f}  val loss {val_loss:.4f}  val accuracy {val_accuracy:.1%}")
        return self.history


torch.manual_seed(0)
digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
splits = random_split(TensorDataset(X, y), [0.6, 0.2, 0.2], generator=torch.Generator().manual_seed(0))
train_loader = DataLoader(splits[0], batch_size=32, shuffle=True, generator=torch.Generator().manual_seed(0))
val_loader = DataLoader(splits[1], batch_size=256)
test_loader = DataLoader(splits[2], batch_size=256)

model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
trainer = Trainer(model, nn.CrossEntropyLoss(), optimizer)
history = trainer.fit(train_loader, val_loader, epochs=5)

test_loss, test_accuracy = trainer.evaluate(test_loader)  # once, at the very end
print(f"test loss {test_loss:.4f}  test accuracy {test_accuracy:.1%}")

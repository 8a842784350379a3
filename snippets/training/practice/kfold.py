import torch
from sklearn.datasets import load_iris
from torch import nn
from torch.utils.data import DataLoader, Subset, TensorDataset

torch.manual_seed(0)
iris = load_iris()  # 150 flowers, 4 measurements, 3 species (50 each)
dataset = TensorDataset(torch.tensor(iris.data, dtype=torch.float32), torch.tensor(iris.target))

k = 5
shuffled = torch.randperm(len(dataset), generator=torch.Generator().manual_seed(0))
folds = shuffled.tensor_split(k)  # 5 disjoint groups of 30 indices

accuracies = []
for i in range(k):
    val_idx = folds[i]
    train_idx = torch.cat([folds[j] for j in range(k) if j != i])
    train_loader = DataLoader(Subset(dataset, train_idx.tolist()), batch_size=32, shuffle=True)
    val_loader = DataLoader(Subset(dataset, val_idx.tolist()), batch_size=64)

    model = nn.Linear(4, 3)  # a fresh model for every fold
    optimizer = torch.optim.Adam(model.parameters(), lr=0.1)
    for epoch in range(20):
        for inputs, labels in train_loader:
            optimizer.zero_grad()
            nn.functional.cross_entropy(model(inputs), labels).backward()
            optimizer.step()

    correct = 0
    with torch.no_grad():
        for inputs, labels in val_loader:
            correct += (model(inputs).argmax(dim=1) == labels).sum().item()
    accuracies.append(correct / len(val_idx))
    species = torch.bincount(dataset.tensors[1][val_idx], minlength=3).tolist()
    print(f"fold {i}: train {len(train_idx)}, validate {len(val_idx)} {species}, accuracy {accuracies[-1]:.3f}")

scores = torch.tensor(accuracies)
print(f"accuracy {scores.mean():.3f} ± {scores.std():.3f}")

import torch
from sklearn.datasets import load_digits
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)

# Hyperparameters: chosen by us, not learned.
epochs = 5  # passes over the training set
batch_size = 32  # examples per parameter update
learning_rate = 0.2  # step size of gradient descent

# 1,797 8x8 images of handwritten digits, flattened to 64 pixel values in [0, 1].
digits = load_digits()
X = torch.tensor(digits.data, dtype=torch.float32) / 16
y = torch.tensor(digits.target)
train_set, test_set = random_split(TensorDataset(X, y), [0.8, 0.2], generator=torch.Generator().manual_seed(0))

# Shuffle the training set with a seeded generator, so every run sees the same batches.
train_loader = DataLoader(train_set, batch_size=batch_size, shuffle=True, generator=torch.Generator().manual_seed(0))
test_loader = DataLoader(test_set, batch_size=256)

model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))

print(f"{len(train_set)} training and {len(test_set)} test images")
print(f"{len(train_loader)} updates per epoch, {epochs * len(train_loader)} in total")
print(f"{sum(p.numel() for p in model.parameters())} parameters")

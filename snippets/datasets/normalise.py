import torch
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, Dataset, random_split

torch.manual_seed(0)

digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16  # (1797, 1, 8, 8) in [0, 1]
labels = torch.tensor(digits.target)
train_idx, test_idx = random_split(range(len(labels)), [0.8, 0.2], generator=torch.Generator().manual_seed(0))

# Statistics from the training images only; the test set must stay unseen.
train_pixels = images[train_idx.indices]
mean, std = train_pixels.mean().item(), train_pixels.std().item()
print(f"train mean {mean:.4f}, std {std:.4f}")


class Normalize:
    """Like torchvision's Normalize for one channel: (x - mean) / std."""

    def __init__(self, mean, std):
        self.mean, self.std = mean, std

    def __call__(self, x):
        return (x - self.mean) / self.std


class Split(Dataset):
    def __init__(self, indices, transform):
        self.indices, self.transform = list(indices), transform

    def __len__(self):
        return len(self.indices)

    def __getitem__(self, i):
        j = self.indices[i]
        return self.transform(images[j]), labels[j]


normalize = Normalize(mean, std)  # the same transform, with the same numbers, for both splits
for name, idx in [("train", train_idx), ("test", test_idx)]:
    x, _ = next(iter(DataLoader(Split(idx, normalize), batch_size=len(idx))))
    print(f"{name}: mean {x.mean().item():+.4f}, std {x.std().item():.4f}")

import torch
from sklearn.datasets import load_digits
from torch.utils.data import Dataset, random_split

torch.manual_seed(0)


class Digits(Dataset):
    """scikit-learn's 1,797 handwritten digits as (image, label) pairs."""

    def __init__(self):
        digits = load_digits()  # ships with scikit-learn: nothing is downloaded
        self.images = torch.tensor(digits.images, dtype=torch.float32)  # (1797, 8, 8), values 0..16
        self.labels = torch.tensor(digits.target)  # (1797,), int64 class ids 0..9

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        image = self.images[idx].unsqueeze(0) / 16  # add a channel dimension, scale to [0, 1]
        return image, self.labels[idx].item()


dataset = Digits()
image, label = dataset[0]
print(len(dataset), tuple(image.shape), image.dtype, label)

train_set, test_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
print(len(train_set), len(test_set))
print(type(train_set).__name__, train_set.indices[:5], "shared:", len(set(train_set.indices) & set(test_set.indices)))

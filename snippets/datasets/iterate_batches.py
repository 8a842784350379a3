import torch
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)

digits = load_digits()
images = torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16  # (1797, 1, 8, 8) in [0, 1]
labels = torch.tensor(digits.target)  # (1797,) int64
dataset = TensorDataset(images, labels)  # a ready-made Dataset over tensors
train_set, test_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))

image, label = train_set[0]  # index a Dataset like a list
print(tuple(image.shape), label)

train_loader = DataLoader(train_set, batch_size=16, shuffle=True, generator=torch.Generator().manual_seed(0))
batch_images, batch_labels = next(iter(train_loader))
print(tuple(batch_images.shape), batch_images.dtype)
print(batch_labels)

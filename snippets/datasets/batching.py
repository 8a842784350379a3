import torch
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, TensorDataset, random_split

torch.manual_seed(0)

digits = load_digits()
dataset = TensorDataset(torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16, torch.tensor(digits.target))
train_set, test_set = random_split(dataset, [0.8, 0.2], generator=torch.Generator().manual_seed(0))

one_at_a_time = DataLoader(train_set)  # batch_size=1 by default
print(len(one_at_a_time), tuple(next(iter(one_at_a_time))[0].shape))

for drop_last in (False, True):
    loader = DataLoader(train_set, batch_size=64, drop_last=drop_last)
    sizes = [len(labels) for images, labels in loader]
    print(f"drop_last={drop_last}: {len(loader)} batches, last has {sizes[-1]}, {sum(sizes)} samples seen")

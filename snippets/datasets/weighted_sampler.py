import torch
from sklearn.datasets import load_digits
from torch.utils.data import DataLoader, Subset, TensorDataset, WeightedRandomSampler

torch.manual_seed(0)

digits = load_digits()
labels = torch.tensor(digits.target)
dataset = TensorDataset(torch.tensor(digits.images, dtype=torch.float32).unsqueeze(1) / 16, labels)

# An imbalanced subset: 90 zeros, 30 ones, 10 twos.
keep = torch.cat([torch.nonzero(labels == c).flatten()[:n] for c, n in [(0, 90), (1, 30), (2, 10)]])
subset = Subset(dataset, keep.tolist())
subset_labels = labels[keep]
class_counts = torch.bincount(subset_labels)
print("in the data:   ", class_counts.tolist())

# Weight every sample by 1 / (size of its class): each class gets the same total weight.
sample_weights = 1.0 / class_counts[subset_labels].double()
sampler = WeightedRandomSampler(
    sample_weights, num_samples=len(subset), replacement=True, generator=torch.Generator().manual_seed(0)
)
indices = torch.tensor(list(sampler))  # one epoch of indices into the subset
drawn = subset_labels[indices]
print("one epoch drew:", torch.bincount(drawn).tolist())
twos = indices[drawn == 2]
print(f"{len(twos)} draws of a 2 reuse {len(twos.unique())} different images")

loader = DataLoader(subset, batch_size=26, sampler=sampler)  # sampler replaces shuffle=True
print(len(loader), "batches per epoch")

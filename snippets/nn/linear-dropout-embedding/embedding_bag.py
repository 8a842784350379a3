import torch
from torch import nn

torch.manual_seed(0)
bag = nn.EmbeddingBag(10, 3)  # mode="mean" by default

# Three bags of different lengths, flattened into one tensor; offsets mark where each bag starts.
ids = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
offsets = torch.tensor([0, 2, 3])  # bags: [1, 2], [4], [5, 4, 3, 2, 9]
out = bag(ids, offsets)
print("output:", tuple(out.shape))

w = bag.weight
by_hand = torch.stack([w[[1, 2]].mean(0), w[[4]].mean(0), w[[5, 4, 3, 2, 9]].mean(0)])
print("mean of each bag:", torch.allclose(out, by_hand))

# Bags of equal length can be given as a 2-D tensor, one bag per row, without offsets.
print("2-D input:", torch.allclose(bag(torch.tensor([[1, 2], [4, 4]])), torch.stack([w[[1, 2]].mean(0), w[4]])))

# mode="sum" accepts a weight per id, e.g. TF-IDF scores.
weighted = nn.EmbeddingBag(10, 3, mode="sum")
scores = torch.tensor([0.5, 2.0])
print("weighted sum:", torch.allclose(weighted(torch.tensor([1, 2]), torch.tensor([0]), per_sample_weights=scores),
                                      (scores[:, None] * weighted.weight[[1, 2]]).sum(0, keepdim=True)))

import torch
from torch import nn

a = torch.tensor([[1.0, 0.0, 0.0], [1.0, 2.0, 2.0]])
b = torch.tensor([[0.0, 1.0, 0.0], [2.0, 4.0, 4.0]])

cos = nn.CosineSimilarity(dim=1)  # compare row i of a with row i of b
dist = nn.PairwiseDistance(p=2)  # Euclidean distance, row by row

print(cos(a, b))  # orthogonal rows -> 0, same direction -> 1
print(dist(a, b))  # sqrt(2) and 3 (up to the tiny eps)

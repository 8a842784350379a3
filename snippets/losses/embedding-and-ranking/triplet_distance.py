import torch
import torch.nn.functional as F
from torch import nn


def cosine_distance(u, v):
    return 1 - F.cosine_similarity(u, v)  # one distance per row, shape (N,)


a = torch.tensor([[1.0, 0.0], [1.0, 0.0]])
p = torch.tensor([[2.0, 0.5], [0.0, 1.0]])
n = torch.tensor([[0.0, 1.0], [2.0, 0.1]])
loss = nn.TripletMarginWithDistanceLoss(distance_function=cosine_distance, margin=0.5, reduction="none")
print("torch:", loss(a, p, n).round(decimals=4))

# by hand: max(0, D(a, p) - D(a, n) + margin) with D = 1 - cos
print("hand: ", (cosine_distance(a, p) - cosine_distance(a, n) + 0.5).clamp(min=0).round(decimals=4))

# with no distance_function it is TripletMarginLoss with its defaults (Euclidean, margin 1)
default = nn.TripletMarginWithDistanceLoss()(a, p, n)
print(torch.allclose(default, nn.TripletMarginLoss()(a, p, n)))

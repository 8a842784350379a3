import math

import torch
from torch import nn

x = torch.tensor([[2.0, -0.5], [0.3, -3.0]])  # raw scores
y = torch.tensor([[1.0, 1.0], [-1.0, -1.0]])  # labels +1 / -1, same shape

print("none:", nn.SoftMarginLoss(reduction="none")(x, y).round(decimals=4))
print("mean:", round(nn.SoftMarginLoss()(x, y).item(), 4))

# by hand: log(1 + exp(-y * x)), averaged over all 4 elements
terms = [math.log(1 + math.exp(-yi * xi)) for xi, yi in zip(x.flatten().tolist(), y.flatten().tolist())]
print("hand:", round(sum(terms) / len(terms), 4))

# the same number as binary cross-entropy on logits with 0/1 targets
print("BCEWithLogitsLoss:", round(nn.BCEWithLogitsLoss()(x, (y + 1) / 2).item(), 4))

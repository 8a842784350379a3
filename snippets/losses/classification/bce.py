import math

import torch
from torch import nn

probs = [0.9, 0.2, 0.6]  # predicted P(y = 1), e.g. after a sigmoid
labels = [1.0, 0.0, 0.0]

by_hand = [-(y * math.log(p) + (1 - y) * math.log(1 - p)) for p, y in zip(probs, labels)]
print("by hand:", [round(v, 4) for v in by_hand], "mean", round(sum(by_hand) / 3, 4))
p, y = torch.tensor(probs), torch.tensor(labels)
print("torch:  ", nn.BCELoss(reduction="none")(p, y), nn.BCELoss()(p, y))

# log(0) would be -inf: BCELoss clamps each log at -100, so a loss is at most 100.
print("clamped:", nn.BCELoss(reduction="none")(torch.tensor([0.0, 1.0]), torch.tensor([1.0, 0.0])))

import torch
from torch import nn

x = torch.tensor([[0.1, 0.2, 0.4, 0.8],   # sample 0: true class 3 (highest score)
                  [0.1, 0.2, 0.4, 0.8]])  # sample 1: true class 0 (lowest score)
y = torch.tensor([3, 0])

print("p=1:", nn.MultiMarginLoss(reduction="none")(x, y))
print("p=2:", nn.MultiMarginLoss(p=2, reduction="none")(x, y))
print("mean (p=1):", round(nn.MultiMarginLoss()(x, y).item(), 4))

# by hand for sample 0, C = 4 classes, margin 1: every wrong class i adds max(0, 1 - x[3] + x[i])
terms = [max(0.0, 1 - 0.8 + xi) for xi in (0.1, 0.2, 0.4)]
print("hand p=1:", round(sum(terms) / 4, 4), " hand p=2:", round(sum(t**2 for t in terms) / 4, 4))

import torch
from torch import nn


def exponential_loss(score, target):  # labels -1 / +1
    return torch.exp(-target * score).mean()


z = torch.tensor([-2.0, 0.0, 1.0, 3.0])  # signed margins y * f(x)
y = torch.ones_like(z)
print("exponential:", torch.stack([exponential_loss(v, t) for v, t in zip(z, y)]))
print("logistic:   ", nn.SoftMarginLoss(reduction="none")(z, y))
print("hinge:      ", nn.MarginRankingLoss(margin=1.0, reduction="none")(z, torch.zeros_like(z), y))

import math

import torch
import torch.nn.functional as F
from torch import nn


def log_cosh_loss(pred, target):
    d = (pred - target).abs()
    return (d + F.softplus(-2 * d) - math.log(2)).mean()  # log(cosh(d)), without overflow


def quantile_loss(pred, target, tau):
    r = target - pred  # positive when the prediction is too low
    return torch.maximum(tau * r, (tau - 1) * r).mean()


d = torch.tensor([0.7, -1.2, 800.0])
per_element = torch.stack([log_cosh_loss(v, torch.zeros(())) for v in d])
print("log-cosh:         ", per_element)
print("log(cosh) by hand:", torch.cosh(d).log())

# The constant that minimises the pinball loss is a quantile of the targets
y = torch.arange(1.0, 11.0)
grid = torch.arange(0.0, 11.0, 0.1)
losses = torch.stack([quantile_loss(c.expand_as(y), y, 0.9) for c in grid])
print("quantile 0.9 of 1..10 by the loss:", round(grid[losses.argmin()].item(), 2), " torch.quantile:", round(torch.quantile(y, 0.9).item(), 2))
pred = torch.zeros(4)
target = torch.tensor([1.0, -2.0, 3.0, 4.0])
print("quantile 0.5, twice:", 2 * quantile_loss(pred, target, 0.5), " L1Loss:", nn.L1Loss()(pred, target))

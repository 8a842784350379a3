import math

import torch
from torch import nn
from torch.nn import functional as F

target = torch.tensor([3.0, -0.5, 2.0, 7.0])
mean = torch.tensor([2.5, 0.0, 2.0, 10.0])
raw = torch.tensor([0.0, -1.0, -3.0, 2.0])  # what a network would output
var = F.softplus(raw)  # any positive transform will do: softplus, exp, ...

loss = nn.GaussianNLLLoss()  # called as loss(input, target, var)
print(f"loss:    {loss(mean, target, var).item():.4f}")
by_hand = 0.5 * (var.log() + (mean - target) ** 2 / var)
print(f"by hand: {by_hand.mean().item():.4f}")

full = nn.GaussianNLLLoss(full=True)(mean, target, var)
print(f"full=True adds {full.item() - by_hand.mean().item():.4f} = log(2 pi) / 2 = {0.5 * math.log(2 * math.pi):.4f}")

# one variance per sample (homoscedastic within a row) also works
batch_mean, batch_target = mean.reshape(2, 2), target.reshape(2, 2)
per_row = loss(batch_mean, batch_target, torch.tensor([0.5, 2.0]))
per_element = loss(batch_mean, batch_target, torch.tensor([[0.5, 0.5], [2.0, 2.0]]))
print("one variance per row:", per_row.item() == per_element.item())

# for a fixed error d the loss is smallest at var = d**2
d = 3.0
v = torch.tensor([1.0, 4.0, 9.0, 16.0, 25.0])
print("var 1, 4, 9, 16, 25:", nn.GaussianNLLLoss(reduction="none")(torch.full((5,), d), torch.zeros(5), v))

import torch
from torch import nn

pred = torch.tensor([2.5, 0.0, 2.0, 10.0], requires_grad=True)
target = torch.tensor([3.0, -0.5, 2.0, 7.0])

for reduction in ("none", "mean", "sum"):
    print(f"{reduction:>4}:", nn.MSELoss(reduction=reduction)(pred, target).detach())

d = pred.detach() - target  # the errors: -0.5, 0.5, 0, 3
print("by hand:", (d**2).mean())

nn.MSELoss()(pred, target).backward()
print("gradient:", pred.grad)
print("2 d / n: ", 2 * d / d.numel())

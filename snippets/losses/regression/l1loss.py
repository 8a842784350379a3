import torch
from torch import nn

pred = torch.tensor([2.5, 0.0, 2.0, 10.0], requires_grad=True)
target = torch.tensor([3.0, -0.5, 2.0, 7.0])

for reduction in ("none", "mean", "sum"):
    print(f"{reduction:>4}:", nn.L1Loss(reduction=reduction)(pred, target).detach())

d = pred.detach() - target
print("by hand:", d.abs().mean())

nn.L1Loss()(pred, target).backward()
print("gradient:    ", pred.grad)  # the sign of each error, over n; 0 where d = 0
print("sign(d) / n: ", torch.sign(d) / d.numel())

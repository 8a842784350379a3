import torch
from torch import nn


def n_params(module):
    return sum(p.numel() for p in module.parameters())


c_in, c_out = 32, 64
standard = nn.Conv2d(c_in, c_out, kernel_size=3, padding=1)
grouped = nn.Conv2d(c_in, c_out, kernel_size=3, padding=1, groups=4)
depthwise = nn.Conv2d(c_in, c_in, kernel_size=3, padding=1, groups=c_in)
separable = nn.Sequential(
    nn.Conv2d(c_in, c_in, kernel_size=3, padding=1, groups=c_in),  # depthwise: one 3x3 filter per channel
    nn.Conv2d(c_in, c_out, kernel_size=1),  # pointwise: mixes the channels
)

x = torch.randn(1, c_in, 16, 16)
for name, m in [("standard", standard), ("groups=4", grouped), ("depthwise", depthwise), ("separable", separable)]:
    print(f"{name:10s} output {tuple(m(x).shape)}  parameters {n_params(m):6d}")
print("weight of groups=4:", tuple(grouped.weight.shape))

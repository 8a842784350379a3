import math

import torch
from torch import nn


def conv_out(size, kernel, stride=1, padding=0, dilation=1):
    """Output length of a convolution (or max pooling) along one dimension."""
    return math.floor((size + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1)


x = torch.zeros(1, 1, 28, 28)
for k, s, p, d in [(3, 1, 0, 1), (3, 1, 1, 1), (5, 2, 2, 1), (3, 2, 0, 1), (3, 1, 2, 2), (7, 3, 1, 1)]:
    layer = nn.Conv2d(1, 1, kernel_size=k, stride=s, padding=p, dilation=d)
    torch_size = layer(x).shape[-1]
    print(f"k={k} s={s} p={p} d={d}: formula {conv_out(28, k, s, p, d):2d}, torch {torch_size:2d}")

import torch
from torch import nn

x = torch.tensor([-2.0, -0.6, -0.5, 0.0, 0.4, 0.5, 0.6, 2.0], requires_grad=True)
y = nn.Hardshrink()(x)  # lambd=0.5
y.sum().backward()

print("f(x): ", y.detach())  # jumps from 0 straight to about ±0.6: a discontinuity
print("f'(x):", x.grad)

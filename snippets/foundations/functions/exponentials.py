import math

import torch

x = torch.tensor([-1.0, 0.0, 1.0, 2.0, 3.0])
print("2^x:          ", 2 ** x)
print("e^(x ln 2):   ", torch.exp(x * math.log(2)).round(decimals=4))
print("growth e^x:   ", torch.exp(x).round(decimals=4))
print("decay  e^(-x):", torch.exp(-x).round(decimals=4))

# e^x is its own derivative: autograd agrees
x = torch.tensor([0.0, 1.0, 2.0], requires_grad=True)
torch.exp(x).sum().backward()
print("d/dx e^x at 0, 1, 2:", x.grad.round(decimals=4))

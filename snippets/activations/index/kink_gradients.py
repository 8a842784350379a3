import torch
from torch import nn


def slope_at(module, point):
    """What autograd uses as f'(point)."""
    x = torch.tensor(point, requires_grad=True)
    module(x).backward()
    return round(x.grad.item(), 4)


print("ReLU'(0)      =", slope_at(nn.ReLU(), 0.0))
print("LeakyReLU'(0) =", slope_at(nn.LeakyReLU(), 0.0))
print("ReLU6'(6)     =", slope_at(nn.ReLU6(), 6.0))
print("Hardtanh'(1)  =", slope_at(nn.Hardtanh(), 1.0))
print("ELU'(0)       =", slope_at(nn.ELU(), 0.0))  # ELU with alpha=1 has no kink
print("SELU'(0)      =", slope_at(nn.SELU(), 0.0))  # SELU does: 1.0507 on the right

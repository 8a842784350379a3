import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(100_000)  # standard-normal inputs: mean 0, std 1

for activation in (nn.Sigmoid(), nn.ReLU(), nn.LeakyReLU(), nn.ELU(), nn.Tanh(), nn.SELU()):
    y = activation(x)
    print(f"{type(activation).__name__:9s} mean {y.mean():+.3f}  std {y.std():.3f}")

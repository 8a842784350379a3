import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(100_000)  # zero mean, unit variance, as SELU networks keep their activations

for layer in (nn.Dropout(0.2), nn.AlphaDropout(0.2)):
    y = layer(x)
    print(f"{type(layer).__name__:12s} mean {y.mean().item():+.3f}  std {y.std().item():.3f}")

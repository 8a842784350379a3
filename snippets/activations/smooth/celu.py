import torch
from torch import nn

x = torch.linspace(-4, 2, 7, dtype=torch.float64)
for alpha in (0.5, 2.0):
    scaled = alpha * nn.CELU()(x / alpha)          # CELU_alpha(x) = alpha * CELU_1(x / alpha)
    print(alpha, torch.allclose(nn.CELU(alpha=alpha)(x), scaled))
print(torch.equal(nn.CELU()(x), nn.ELU()(x)))      # alpha = 1: exactly ELU

# Slopes just left and right of 0, with alpha = 2
t = torch.tensor([-1e-6, 1e-6], dtype=torch.float64, requires_grad=True)
for layer in (nn.ELU(alpha=2.0), nn.CELU(alpha=2.0)):
    (slope,) = torch.autograd.grad(layer(t).sum(), t)
    print(layer, [round(v, 4) for v in slope.tolist()])

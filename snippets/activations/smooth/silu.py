import torch
from torch import nn
from torch.nn import functional as F

x = torch.linspace(-3, 0, 300001, dtype=torch.float64, requires_grad=True)
y = nn.SiLU()(x)
(dy,) = torch.autograd.grad(y.sum(), x)
s = torch.sigmoid(x)
print(torch.allclose(y, x * s), torch.allclose(y, F.silu(x)))
print(torch.allclose(dy, s * (1 + x * (1 - s))))   # SiLU' = sigma (1 + x (1 - sigma))

i = y.argmin()
print(f"minimum {y[i].item():.4f} at x = {x[i].item():.4f}")  # the minimum sits at f = x + 1

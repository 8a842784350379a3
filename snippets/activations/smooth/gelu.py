import math

import torch
from torch import nn

x = torch.tensor([-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0], dtype=torch.float64)
exact = nn.GELU()(x)
approx = nn.GELU(approximate="tanh")(x)
print([round(v, 4) for v in exact.tolist()])
print([round(v, 4) for v in approx.tolist()])

# The two formulas, by hand
Phi = 0.5 * (1 + torch.erf(x / math.sqrt(2)))
tanh_form = 0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3)))
print(torch.allclose(exact, x * Phi), torch.allclose(approx, tanh_form))

# How far apart, and the dip below zero
grid = torch.linspace(-10, 10, 200001, dtype=torch.float64)
gap = (nn.GELU()(grid) - nn.GELU(approximate="tanh")(grid)).abs()
print(f"largest gap {gap.max().item():.2e} at |x| = {grid[gap.argmax()].abs().item():.2f}")
y = nn.GELU()(grid)
print(f"minimum {y.min().item():.4f} at x = {grid[y.argmin()].item():.4f}")

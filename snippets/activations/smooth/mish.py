import torch
from torch import nn
from torch.nn import functional as F

x = torch.linspace(-3, 0, 300001, dtype=torch.float64)
y = nn.Mish()(x)
print(torch.allclose(y, x * torch.tanh(F.softplus(x))))
i = y.argmin()
print(f"minimum {y[i].item():.4f} at x = {x[i].item():.4f}")
big = torch.tensor([5.0, 10.0, 50.0], dtype=torch.float64)
print([round(v, 4) for v in nn.Mish()(big).tolist()])  # no upper bound: Mish(x) -> x

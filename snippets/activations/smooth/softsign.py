import torch
from torch import nn

x = torch.tensor([1.0, 3.0, 10.0], dtype=torch.float64, requires_grad=True)
for name in ("Softsign", "Tanh"):
    y = getattr(nn, name)()(x)
    (dy,) = torch.autograd.grad(y.sum(), x)
    print(f"{name:<8} f  = {[round(v, 4) for v in y.tolist()]}")
    print(f"{name:<8} f' = {[float(f'{v:.3g}') for v in dy.tolist()]}")

y = nn.Softsign()(x)
(dy,) = torch.autograd.grad(y.sum(), x)
print(torch.allclose(y, x / (1 + x.abs())), torch.allclose(dy, 1 / (1 + x.abs()) ** 2))

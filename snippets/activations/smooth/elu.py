import torch
from torch import nn

x = torch.tensor([-10.0, -1.0, 0.0, 1.0], dtype=torch.float64, requires_grad=True)
for alpha in (0.5, 1.0, 2.0):
    y = nn.ELU(alpha=alpha)(x)
    (dy,) = torch.autograd.grad(y.sum(), x)
    print(f"alpha={alpha}: f = {[round(v, 4) for v in y.tolist()]}, f' = {[round(v, 4) for v in dy.tolist()]}")

# For x <= 0 the slope is the output plus alpha: backward can reuse the forward result.
neg = x[:3]
print(torch.allclose(dy[:3], nn.ELU(alpha=2.0)(neg) + 2.0))

import torch
from torch import nn

x = torch.tensor([-2.0, 0.0, 2.0], requires_grad=True)
for beta in (0.5, 1.0, 2.0):
    y = nn.Softplus(beta=beta)(x)
    (dy,) = torch.autograd.grad(y.sum(), x)
    same = torch.allclose(dy, torch.sigmoid(beta * x))  # Softplus' = sigma(beta x)
    print(f"beta={beta}: f = {[round(v, 4) for v in y.tolist()]}, f' = sigma(beta x): {same}")

# Where beta * x > threshold the module returns x itself. A small threshold shows the switch:
t = torch.tensor([0.99, 1.0, 1.01])
print(nn.Softplus(threshold=1.0)(t))
print(nn.Softplus()(t))  # default threshold=20.0: no switch here

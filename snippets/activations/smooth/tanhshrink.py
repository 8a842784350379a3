import torch
from torch import nn

x = torch.tensor([-3.0, -1.0, -0.1, 0.0, 0.1, 1.0, 3.0], dtype=torch.float64, requires_grad=True)
y = nn.Tanhshrink()(x)
(dy,) = torch.autograd.grad(y.sum(), x)
print([round(v, 6) for v in y.tolist()])
print(torch.allclose(y, x - torch.tanh(x)))
print(torch.allclose(dy, torch.tanh(x) ** 2))  # Tanhshrink' = tanh^2

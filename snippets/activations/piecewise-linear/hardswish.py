import torch
from torch import nn

x = torch.tensor([-4.0, -3.0, -1.5, 0.0, 1.5, 3.0, 4.0], requires_grad=True)
y = nn.Hardswish()(x)
y.sum().backward()

print("hard: ", y.detach().round(decimals=4))  # -0.0 is a signed zero, equal to 0
print("SiLU: ", nn.functional.silu(x).detach().round(decimals=4))
print("f'(x):", x.grad.round(decimals=4))
print(torch.allclose(y, x * nn.functional.hardsigmoid(x)))

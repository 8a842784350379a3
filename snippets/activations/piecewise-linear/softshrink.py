import torch
from torch import nn

x = torch.tensor([-2.0, -0.6, -0.5, 0.0, 0.4, 0.5, 0.6, 2.0], requires_grad=True)
y = nn.Softshrink()(x)  # lambd=0.5
y.sum().backward()

print("f(x): ", y.detach().round(decimals=4))  # each value moved 0.5 towards 0 (-0.0 == 0)
print("f'(x):", x.grad)
print(torch.allclose(y, x - x.clamp(-0.5, 0.5)))

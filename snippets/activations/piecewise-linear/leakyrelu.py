import torch
from torch import nn

x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
leaky = nn.LeakyReLU()  # negative_slope=0.01
y = leaky(x)
y.sum().backward()

print(leaky)
print("f(x): ", y.detach())
print("f'(x):", x.grad)  # at the kink autograd uses the negative side's slope

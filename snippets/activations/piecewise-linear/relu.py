import torch
from torch import nn

x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0], requires_grad=True)
relu = nn.ReLU()
y = relu(x)
y.sum().backward()  # x.grad now holds f'(x) at each point

print("f(x): ", y.detach())
print("f'(x):", x.grad)  # autograd uses f'(0) = 0 at the kink

torch.manual_seed(0)
h = relu(torch.randn(10_000))
print(f"share of exact zeros for standard-normal input: {(h == 0).float().mean():.3f}")

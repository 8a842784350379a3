import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 3)
first, second = nn.Linear(3, 5), nn.Linear(5, 2)

# Two linear layers in a row are one linear layer: W = W2 W1 and b = W2 b1 + b2
W = second.weight @ first.weight
b = second.weight @ first.bias + second.bias
print(torch.allclose(second(first(x)), x @ W.T + b))

# An affine map f satisfies f(u + v) = f(u) + f(v) - f(0). With a ReLU in between, it fails:
net = nn.Sequential(first, nn.ReLU(), second)
u, v, zero = x[0], x[1], torch.zeros(3)
print(torch.allclose(second(first(u + v)), second(first(u)) + second(first(v)) - second(first(zero))))
print(torch.allclose(net(u + v), net(u) + net(v) - net(zero)))

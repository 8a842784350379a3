import torch
from torch import nn

x = torch.linspace(-3, 3, 7, requires_grad=True)
y = nn.Tanh()(x)
(dy,) = torch.autograd.grad(y.sum(), x)
print(y.detach().round(decimals=4))
print(dy.round(decimals=4))
print(torch.allclose(dy, 1 - y**2))                      # tanh' = 1 - tanh^2
print(torch.allclose(y, 2 * torch.sigmoid(2 * x) - 1))   # a rescaled sigmoid
print(nn.RNN(input_size=3, hidden_size=4).nonlinearity)  # the default RNN cell uses tanh

import torch
from torch import nn

x = torch.tensor([-200.0, -20.0, 0.0, 20.0], requires_grad=True)  # float32
naive = torch.log(torch.sigmoid(x))
stable = nn.LogSigmoid()(x)
print(naive.detach())
print(stable.detach())
print(torch.autograd.grad(naive.sum(), x)[0])
print(torch.autograd.grad(stable.sum(), x)[0])
# the same function written with Softplus: log sigma(x) = -softplus(-x)
print(torch.allclose(stable, -nn.Softplus()(-x)))

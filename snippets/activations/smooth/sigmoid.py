import torch
from torch import nn

sigmoid = nn.Sigmoid()
x = torch.tensor([-4.0, -1.0, 0.0, 1.0, 4.0], requires_grad=True)
y = sigmoid(x)
(dy,) = torch.autograd.grad(y.sum(), x)
print(y.detach().round(decimals=4))
print(dy.round(decimals=4))
print(torch.allclose(dy, y * (1 - y)))            # sigma' = sigma (1 - sigma)
print(torch.allclose(sigmoid(-x), 1 - y))         # sigma(-x) = 1 - sigma(x)

# Ten sigmoids in a row: each one multiplies the gradient by at most 1/4.
h = torch.zeros((), requires_grad=True)
out = h
for _ in range(10):
    out = sigmoid(out)
(g,) = torch.autograd.grad(out, h)
print(f"gradient through 10 sigmoids: {g.item():.2e}")

# float32 runs out of digits: from x = 16.64 on, the output is exactly 1.0
print(sigmoid(torch.tensor([15.0, 16.0, 17.0])) == 1)

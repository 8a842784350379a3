import torch
from torch import nn

x = torch.tensor([-4.0, -3.0, -1.0, 0.0, 1.0, 3.0, 4.0], requires_grad=True)
y = nn.Hardsigmoid()(x)
y.sum().backward()

print("hard:   ", y.detach().round(decimals=4))
print("sigmoid:", torch.sigmoid(x).detach().round(decimals=4))
print("f'(x):  ", x.grad.round(decimals=4))  # 1/6 inside, 0 outside and at -3 and 3
print(torch.allclose(y, nn.functional.relu6(x + 3) / 6))

import torch
from torch import nn

x = torch.tensor([-2.0, 0.0, 3.0, 6.0, 7.0], requires_grad=True)
relu6 = nn.ReLU6()
y = relu6(x)
y.sum().backward()

print("f(x): ", y.detach())
print("f'(x):", x.grad)  # 0 at both kinks, x = 0 and x = 6
print(isinstance(relu6, nn.Hardtanh), relu6.min_val, relu6.max_val)

import torch
from torch import nn

x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 1.0, 2.0], requires_grad=True)
threshold = nn.Threshold(threshold=0.5, value=-1.0)  # both arguments are required
y = threshold(x)
y.sum().backward()

print(threshold)
print("f(x): ", y.detach())  # x = 0.5 is not above the threshold, so it is replaced too
print("f'(x):", x.grad)
print(torch.equal(nn.Threshold(0.0, 0.0)(x), nn.ReLU()(x)))

import torch
from torch import nn

x = torch.tensor([-2.0, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0], requires_grad=True)
hardtanh = nn.Hardtanh()  # min_val=-1.0, max_val=1.0
y = hardtanh(x)
y.sum().backward()

print("f(x): ", y.detach())
print("f'(x):", x.grad)  # 0 at the kinks x = -1 and x = 1
print(nn.Hardtanh(min_val=-2.0, max_val=2.0)(x).detach())
print(torch.equal(hardtanh(x), torch.clamp(x, -1.0, 1.0)))

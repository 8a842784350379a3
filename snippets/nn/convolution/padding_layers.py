import torch
from torch import nn

x = torch.arange(1.0, 10.0).view(1, 1, 3, 3)  # [[1, 2, 3], [4, 5, 6], [7, 8, 9]]

print(nn.ZeroPad2d(1)(x)[0, 0])
print(nn.ReflectionPad2d(1)(x)[0, 0])
print(nn.ReplicationPad2d(1)(x)[0, 0])
print(nn.CircularPad2d(1)(x)[0, 0])

# A tuple pads each side separately: (left, right) for 1-D layers,
# (left, right, top, bottom) for 2-D ones.
print(nn.ConstantPad1d((2, 1), value=-1.0)(torch.tensor([[1.0, 2.0, 3.0]])))
print(nn.ZeroPad2d((1, 0, 0, 2))(x)[0, 0])

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 3, 9, 10)

same = nn.Conv2d(3, 8, kernel_size=5, padding="same")
same_dilated = nn.Conv2d(3, 8, kernel_size=3, padding="same", dilation=2)
valid = nn.Conv2d(3, 8, kernel_size=5, padding="valid")  # the same as padding=0

print("same:        ", tuple(same(x).shape))
print("same, d=2:   ", tuple(same_dilated(x).shape))
print("valid:       ", tuple(valid(x).shape))

try:
    nn.Conv2d(3, 8, kernel_size=3, stride=2, padding="same")
except ValueError as err:
    print("stride 2:    ", err)

import torch
from torch import nn

x = torch.tensor([[[[1.0, 2.0, 5.0, 0.0],
                    [3.0, 4.0, 1.0, 1.0],
                    [0.0, 8.0, 2.0, 6.0],
                    [1.0, 1.0, 3.0, 7.0]]]])  # (N, C, H, W) = (1, 1, 4, 4)

print(nn.MaxPool2d(kernel_size=2)(x))  # stride defaults to kernel_size
print(nn.AvgPool2d(kernel_size=2)(x))
print(nn.MaxPool2d(kernel_size=2, stride=1)(x))  # overlapping windows

import torch
from torch import nn

torch.manual_seed(0)
x = torch.ones(2, 4, 3, 3)  # (N, C, H, W): 2 samples, 4 channels of 3x3

y = nn.Dropout2d(p=0.5)(x)
# Each channel is either entirely zero or entirely scaled by 2:
print(y.amin(dim=(2, 3)))
print(y.amax(dim=(2, 3)))

import torch
from torch import nn

torch.manual_seed(0)

# One layer per number of spatial dimensions, each with 16 filters of size 3.
conv1d = nn.Conv1d(in_channels=1, out_channels=16, kernel_size=3, padding=1)
conv2d = nn.Conv2d(in_channels=3, out_channels=16, kernel_size=3, padding=1)
conv3d = nn.Conv3d(in_channels=1, out_channels=16, kernel_size=3, padding=1)

signal = torch.randn(4, 1, 100)  # (N, C, L): 4 mono signals of 100 samples
images = torch.randn(4, 3, 32, 32)  # (N, C, H, W): 4 RGB images, 32x32 pixels
volumes = torch.randn(4, 1, 8, 32, 32)  # (N, C, D, H, W): 4 scans of 8 slices

for layer, x in [(conv1d, signal), (conv2d, images), (conv3d, volumes)]:
    name = type(layer).__name__
    print(f"{name}: input {tuple(x.shape)} -> output {tuple(layer(x).shape)}, weight {tuple(layer.weight.shape)}")

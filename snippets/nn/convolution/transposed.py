import torch
from torch import nn

torch.manual_seed(0)

# A strided convolution halves 8x8 to 4x4 -- but it also maps 7x7 to 4x4.
down = nn.Conv2d(1, 1, kernel_size=3, stride=2, padding=1)
print("down 8x8:", tuple(down(torch.randn(1, 1, 8, 8)).shape))
print("down 7x7:", tuple(down(torch.randn(1, 1, 7, 7)).shape))

# The matching transposed convolution goes back up; output_padding picks 7 or 8.
x = torch.randn(1, 1, 4, 4)
up = nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=1)
up_pad = nn.ConvTranspose2d(1, 1, kernel_size=3, stride=2, padding=1, output_padding=1)
print("up:              ", tuple(up(x).shape))
print("up, out. pad. 1: ", tuple(up_pad(x).shape))
print("up, output_size: ", tuple(up(x, output_size=(8, 8)).shape))

# The usual "double the size" layer: kernel 4, stride 2, padding 1.
print("k=4 s=2 p=1:     ", tuple(nn.ConvTranspose2d(1, 1, 4, stride=2, padding=1)(x).shape))

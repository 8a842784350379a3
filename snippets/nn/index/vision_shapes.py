import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(1, 8, 3, 3)  # (N, C, H, W)

shuffle = nn.PixelShuffle(upscale_factor=2)  # C/4 channels, 2x height and width
up = shuffle(x)
print("PixelShuffle:  ", tuple(x.shape), "->", tuple(up.shape))
print("PixelUnshuffle:", tuple(up.shape), "->", tuple(nn.PixelUnshuffle(2)(up).shape))
print("Upsample x2:   ", tuple(x.shape), "->", tuple(nn.Upsample(scale_factor=2)(x).shape))

# ChannelShuffle keeps the shape but reorders the channels between groups
channels = torch.arange(6.0).view(1, 6, 1, 1)  # channel i holds the value i
shuffled = nn.ChannelShuffle(groups=2)(channels)
print("ChannelShuffle(2) order:", shuffled.flatten().long().tolist())

import torch
from torch import nn

torch.manual_seed(0)

conv = nn.Conv1d(in_channels=2, out_channels=1, kernel_size=3)
x = torch.randn(1, 2, 6)  # one sample, 2 channels, length 6

# Slide the kernel along the signal: at each position take the dot product
# of the (channels x 3) window with the (channels x 3) kernel, then add the bias.
w, b = conv.weight[0], conv.bias[0]  # w has shape (2, 3)
by_hand = torch.stack([(x[0, :, i : i + 3] * w).sum() + b for i in range(6 - 3 + 1)])

print(conv(x)[0, 0].detach().round(decimals=4))
print(by_hand.detach().round(decimals=4))
print(torch.allclose(conv(x)[0, 0], by_hand))

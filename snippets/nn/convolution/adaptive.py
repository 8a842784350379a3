import torch
from torch import nn

torch.manual_seed(0)
pool = nn.AdaptiveAvgPool2d((2, 2))  # fixes the OUTPUT size, whatever the input

for h, w in [(5, 5), (7, 9), (32, 32)]:
    print((h, w), "->", tuple(pool(torch.randn(1, 3, h, w)).shape))

# Output size 1 is global average pooling: the mean over all positions.
x = torch.randn(2, 3, 7, 9)
gap = nn.AdaptiveAvgPool2d(1)(x)
print(tuple(gap.shape), torch.allclose(gap.flatten(1), x.mean(dim=(2, 3))))

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 6, 5, 5) * 4 + 3  # (N, C, H, W)

inorm = nn.InstanceNorm2d(6)
print("InstanceNorm2d parameters:", len(list(inorm.parameters())))  # affine=False by default
y = inorm(x)
print("per (sample, channel) mean 0:", y.mean(dim=(2, 3)).abs().max().item() < 1e-5)

gnorm = nn.GroupNorm(num_groups=3, num_channels=6)  # 3 groups of 2 channels
print("GroupNorm weight shape:", tuple(gnorm.weight.shape))  # one gamma per CHANNEL
groups = gnorm(x).view(2, 3, 2 * 5 * 5)  # (N, groups, values of a group)
print("per (sample, group) mean 0:", groups.mean(dim=-1).abs().max().item() < 1e-5)

# The two extremes of GroupNorm (before training, while gamma = 1 and beta = 0):
one_group = nn.GroupNorm(1, 6)(x)
print("GroupNorm(1, C) = LayerNorm([C, H, W]):", torch.allclose(one_group, nn.LayerNorm([6, 5, 5])(x), atol=1e-5))
per_channel = nn.GroupNorm(6, 6)(x)
print("GroupNorm(C, C) = InstanceNorm2d(C):   ", torch.allclose(per_channel, y, atol=1e-5))

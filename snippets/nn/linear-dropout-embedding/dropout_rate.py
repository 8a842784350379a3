import torch
from torch import nn

torch.manual_seed(0)
x = torch.ones(100_000)

for p in (0.2, 0.5, 0.8):
    y = nn.Dropout(p)(x)
    keep_rate = (y != 0).float().mean().item()
    print(f"p={p}: kept {keep_rate:.3f} of the values (expected {1 - p:.1f}), mean output {y.mean().item():.3f}")

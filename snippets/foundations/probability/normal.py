import math

import torch
from torch.distributions import Normal

std_normal = Normal(loc=0.0, scale=1.0)
print(f"density at 0: {std_normal.log_prob(torch.tensor(0.0)).exp():.4f}  (1/sqrt(2 pi) = {1 / math.sqrt(2 * math.pi):.4f})")
narrow = Normal(loc=0.0, scale=0.1)
print(f"density at 0 with sigma = 0.1: {narrow.log_prob(torch.tensor(0.0)).exp():.4f}")

for k in (1, 2, 3):
    inside = std_normal.cdf(torch.tensor(float(k))) - std_normal.cdf(torch.tensor(float(-k)))
    print(f"P(-{k} < X < {k}) = {inside:.4f}")

torch.manual_seed(0)
x = Normal(loc=5.0, scale=2.0).sample((10_000,))
mean = x.sum() / len(x)
std = ((x - mean) ** 2).mean().sqrt()
print(f"sample mean {mean:.3f}, sample std {std:.3f}")

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 4) + 3

rms = nn.RMSNorm(4)  # eps=None: torch.finfo(x.dtype).eps
by_hand = x / torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + torch.finfo(x.dtype).eps) * rms.weight
print("matches by hand:", torch.allclose(rms(x), by_hand))
print("mean is NOT removed:", rms(x).mean(dim=-1).detach().round(decimals=3))
print("root mean square is 1:", rms(x).pow(2).mean(dim=-1).sqrt().detach().round(decimals=3))

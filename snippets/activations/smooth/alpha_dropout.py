import torch
from torch import nn

torch.manual_seed(0)
y = nn.SELU()(torch.randn(200_000))  # SELU output of standard normal input
print(f"SELU output   mean {round(y.mean().item(), 3) + 0.0:+.3f}  std {y.std().item():.3f}")
for drop in (nn.Dropout(p=0.2), nn.AlphaDropout(p=0.2)):  # both in training mode
    out = drop(y)
    print(f"{type(drop).__name__:<13} mean {round(out.mean().item(), 3) + 0.0:+.3f}  std {out.std().item():.3f}")

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(256, 64)

for activation in (nn.SELU(), nn.Tanh(), nn.ReLU()):
    torch.manual_seed(1)
    h, stats = x, []
    for depth in range(1, 31):
        layer = nn.Linear(64, 64)
        nn.init.kaiming_normal_(layer.weight, nonlinearity="linear")  # std = 1/sqrt(fan_in)
        nn.init.zeros_(layer.bias)
        with torch.no_grad():
            h = activation(layer(h))
        if depth in (10, 30):
            stats.append(f"depth {depth}: mean {h.mean():+.3f} std {h.std():.3f}")
    print(f"{type(activation).__name__:5s}", " | ".join(stats))

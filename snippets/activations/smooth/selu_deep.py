import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(1000, 64)


def deep_net(activation, depth=30, width=64):
    layers = []
    for _ in range(depth):
        linear = nn.Linear(width, width)
        nn.init.kaiming_normal_(linear.weight, nonlinearity="linear")  # LeCun normal: std 1/sqrt(fan_in)
        nn.init.zeros_(linear.bias)
        layers += [linear, activation()]
    return nn.Sequential(*layers)


with torch.no_grad():
    for activation in (nn.SELU, nn.Tanh):
        torch.manual_seed(1)
        net = deep_net(activation)
        h, stats = x, []
        for i, layer in enumerate(net):
            h = layer(h)
            if i in (1, 19, 59):  # after activations 1, 10 and 30
                stats.append(f"{round(h.mean().item(), 2) + 0.0:+.2f}/{h.std().item():#.2g}")
        print(f"{activation.__name__:<5} mean/std after 1, 10, 30 layers: {'  '.join(stats)}")

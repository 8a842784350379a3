import math

import torch
from torch import nn


def init_weights(module):
    if isinstance(module, nn.Linear):
        nn.init.kaiming_uniform_(module.weight, nonlinearity="relu")
        nn.init.zeros_(module.bias)


torch.manual_seed(0)
net = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 10))
net.apply(init_weights)  # calls init_weights on every submodule, then on net

first = net[0]
print(f"He bound sqrt(6/fan_in) = {math.sqrt(6 / 64):.4f}")
print(f"largest |weight|        = {first.weight.abs().max():.4f}")
print(f"biases all zero?        {bool((first.bias == 0).all())}")

# Xavier/Glorot for a layer followed by tanh or sigmoid
out = net[2]
nn.init.xavier_uniform_(out.weight)
print(f"Xavier bound sqrt(6/(fan_in+fan_out)) = {math.sqrt(6 / (256 + 10)):.4f}")
print(f"largest |weight|                      = {out.weight.abs().max():.4f}")

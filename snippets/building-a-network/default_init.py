import math

import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(64, 256)  # fan_in = 64 inputs per output unit

bound = 1 / math.sqrt(layer.in_features)
print(f"1/sqrt(fan_in)  = {bound:.4f}")
print(f"weight min, max = {layer.weight.min():.4f}, {layer.weight.max():.4f}")
print(f"bias min, max   = {layer.bias.min():.4f}, {layer.bias.max():.4f}")
print(f"weight std      = {layer.weight.std():.4f}")
print(f"bound/sqrt(3)   = {bound / math.sqrt(3):.4f}")

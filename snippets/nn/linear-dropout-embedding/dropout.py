import torch
from torch import nn

torch.manual_seed(0)
x = torch.arange(1.0, 13.0)  # [1, 2, ..., 12]

drop = nn.Dropout(p=0.5)  # modules start in training mode
print("train:", drop(x))  # kept values are doubled: 1 / (1 - 0.5) = 2
drop.eval()
print("eval: ", drop(x))  # the identity

print("p=0.25:", nn.Dropout(p=0.25)(x))  # kept values are scaled by 1 / 0.75

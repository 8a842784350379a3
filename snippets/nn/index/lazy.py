import torch
from torch import nn

torch.manual_seed(0)
layer = nn.LazyLinear(out_features=4)  # in_features is not known yet
print(type(layer.weight).__name__)

y = layer(torch.randn(2, 7))  # the first call fixes in_features = 7
print(layer)
print(tuple(layer.weight.shape), tuple(y.shape))

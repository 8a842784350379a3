import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Linear(4, 8),
    nn.ReLU(),
    nn.Linear(8, 2),
)
print(model)

x = torch.randn(3, 4)
print(model(x).shape)  # same as model[2](model[1](model[0](x)))
print(model[0])  # indexing gives the layer
print(model[:2])  # slicing gives a new Sequential sharing the same layers
print(len(model))

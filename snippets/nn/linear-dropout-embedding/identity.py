import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 3)
print("returns its input:", nn.Identity()(x) is x)
print("ignores constructor arguments:", nn.Identity(54, unused="anything")(x) is x)

# Typical use: swap a layer out without changing the code that calls the model.
model = nn.Sequential(nn.Linear(3, 8), nn.ReLU(), nn.Linear(8, 10))
model[2] = nn.Identity()  # drop the classifier head: the model now returns 8 features
print("features:", tuple(model(x).shape))

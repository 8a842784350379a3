import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 6)

glu = nn.GLU()  # dim=-1: split the last dimension into halves a | b
y = glu(x)
a, b = x.chunk(2, dim=-1)

print(x.shape, "->", y.shape)
print("equals a * sigmoid(b):", torch.allclose(y, a * torch.sigmoid(b)))
print(y.round(decimals=4))

# In a network the gate is learned by the layer before: it produces 2 x the features
block = nn.Sequential(nn.Linear(4, 2 * 3), nn.GLU())
print(block(torch.randn(5, 4)).shape)

try:
    glu(torch.randn(2, 5))
except RuntimeError as error:
    print("odd size:", error)

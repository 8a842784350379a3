import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Bilinear(in1_features=3, in2_features=4, out_features=2)
print("weight:", tuple(layer.weight.shape), "bias:", tuple(layer.bias.shape))  # one 3x4 matrix A_k per output

x1 = torch.randn(5, 3)
x2 = torch.randn(5, 4)
# Output k of sample n: x1[n] @ A_k @ x2[n] + b_k
by_hand = torch.einsum("ni,kij,nj->nk", x1, layer.weight, x2) + layer.bias
print("output:", tuple(layer(x1, x2).shape), "matches by hand:", torch.allclose(layer(x1, x2), by_hand, atol=1e-6))

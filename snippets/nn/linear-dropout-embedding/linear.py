import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(in_features=3, out_features=2)
print("weight:", tuple(layer.weight.shape), "bias:", tuple(layer.bias.shape))  # W is (out, in)

x = torch.randn(4, 3)  # 4 samples with 3 features each
by_hand = x @ layer.weight.T + layer.bias
print("y = x W^T + b:", torch.allclose(layer(x), by_hand))

# Any number of leading dimensions: only the last one must equal in_features.
print("(5, 7, 3) ->", tuple(layer(torch.randn(5, 7, 3)).shape))

# Default initialisation: uniform in [-1/sqrt(in), 1/sqrt(in)] for weight and bias.
big = nn.Linear(100, 50)
bound = 1 / 100**0.5
print(f"all |w| <= {bound}:", (big.weight.abs() <= bound).all().item(), "| all |b| <= bound:", (big.bias.abs() <= bound).all().item())

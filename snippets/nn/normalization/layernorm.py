import torch
from torch import nn

torch.manual_seed(0)
tokens = torch.randn(2, 5, 4) * 3 + 1  # (batch, sequence length, features), as in a Transformer

ln = nn.LayerNorm(4)  # normalise over the last dimension: each token on its own
y = ln(tokens)
print("weight, bias shapes:", tuple(ln.weight.shape), tuple(ln.bias.shape))
print("mean per token:", y.mean(dim=-1).detach().abs().max().item() < 1e-6)
print("std per token: ", y.std(dim=-1, unbiased=False).detach().round(decimals=3)[0])

# The batch plays no part: a sample gives the same output alone or in a batch,
# and training and evaluation mode behave the same (there are no running statistics).
print("alone = in batch:", torch.allclose(ln(tokens[:1]), y[:1]))
print("eval = train:    ", torch.allclose(ln.eval()(tokens), y))

images = torch.randn(2, 6, 5, 5)
ln_image = nn.LayerNorm([6, 5, 5])  # over channels AND positions of each image
print("image weight shape:", tuple(ln_image.weight.shape))

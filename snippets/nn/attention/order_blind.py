import torch
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
x = torch.randn(1, 5, 8)
perm = torch.tensor([3, 0, 4, 1, 2])  # shuffle the 5 tokens

out, _ = mha(x, x, x)
out_shuffled, _ = mha(x[:, perm], x[:, perm], x[:, perm])
# Shuffling the input only shuffles the output the same way
print("order-blind:", torch.allclose(out_shuffled, out[:, perm], atol=1e-6))

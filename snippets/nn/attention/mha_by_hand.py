import torch
from torch import nn

torch.manual_seed(0)
E, h = 8, 2
mha = nn.MultiheadAttention(embed_dim=E, num_heads=h, batch_first=True)
x = torch.randn(3, 5, E)
print("in_proj_weight:", tuple(mha.in_proj_weight.shape), "out_proj.weight:", tuple(mha.out_proj.weight.shape))

# 1. One stacked projection gives Q, K and V (rows: W_q, then W_k, then W_v)
W_q, W_k, W_v = mha.in_proj_weight.chunk(3)
b_q, b_k, b_v = mha.in_proj_bias.chunk(3)
q, k, v = x @ W_q.T + b_q, x @ W_k.T + b_k, x @ W_v.T + b_v


# 2. Split the embedding into h heads of size E // h: (batch, h, seq_len, E // h)
def split(t):
    return t.view(3, 5, h, E // h).transpose(1, 2)


q, k, v = split(q), split(k), split(v)

# 3. Scaled dot-product attention in every head at once
weights = torch.softmax(q @ k.transpose(-2, -1) / (E // h) ** 0.5, dim=-1)
heads = weights @ v  # (batch, h, seq_len, E // h)

# 4. Concatenate the heads and apply the output projection
concat = heads.transpose(1, 2).reshape(3, 5, E)
by_hand = mha.out_proj(concat)

out, avg_weights = mha(x, x, x)
print("output matches :", torch.allclose(by_hand, out, atol=1e-6))
print("weights matches:", torch.allclose(weights.mean(dim=1), avg_weights, atol=1e-6))

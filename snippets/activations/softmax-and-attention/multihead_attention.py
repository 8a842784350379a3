import math

import torch
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2)  # each head works in 8 // 2 = 4 dims
x = torch.randn(5, 1, 8)  # (L, N, E): 5 tokens, batch of 1 (batch_first=False)

out, avg = mha(x, x, x)  # self-attention: query = key = value
_, per_head = mha(x, x, x, average_attn_weights=False)
print("output:", out.shape)
print("averaged weights:", avg.shape, " per-head weights:", per_head.shape)
print("rows sum to 1:", torch.allclose(per_head.sum(dim=-1), torch.ones(1, 2, 5)))
print("average of heads:", torch.allclose(avg, per_head.mean(dim=1)))

# The same computation by hand, for the one sequence in the batch
q, k, v = (x[:, 0] @ mha.in_proj_weight.T + mha.in_proj_bias).chunk(3, dim=-1)
heads, weights = [], []
for h in range(2):
    cols = slice(4 * h, 4 * h + 4)  # head h uses its own 4 columns of q, k, v
    w = torch.softmax(q[:, cols] @ k[:, cols].T / math.sqrt(4), dim=-1)
    weights.append(w)
    heads.append(w @ v[:, cols])
by_hand = mha.out_proj(torch.cat(heads, dim=-1))
print("weights by hand:", torch.allclose(torch.stack(weights), per_head[0], atol=1e-6))
print("output by hand: ", torch.allclose(by_hand, out[:, 0], atol=1e-6))
print("query 0, head 0:", per_head[0, 0, 0].detach().round(decimals=4))
print("query 0, head 1:", per_head[0, 1, 0].detach().round(decimals=4))

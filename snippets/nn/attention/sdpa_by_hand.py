import math

import torch
import torch.nn.functional as F

torch.manual_seed(0)
batch, L, S, d_k, d_v = 2, 3, 4, 8, 5
Q = torch.randn(batch, L, d_k)  # 3 queries
K = torch.randn(batch, S, d_k)  # 4 keys ...
V = torch.randn(batch, S, d_v)  # ... and their 4 values

scores = Q @ K.transpose(-2, -1) / math.sqrt(d_k)  # (batch, L, S)
weights = torch.softmax(scores, dim=-1)  # each query's weights over the keys sum to 1
by_hand = weights @ V  # (batch, L, d_v)

out = F.scaled_dot_product_attention(Q, K, V)
print("output shape:", tuple(out.shape))
print("weights sum to 1:", torch.allclose(weights.sum(-1), torch.ones(batch, L)))
print("max |hand - torch|:", round((by_hand - out).abs().max().item(), 6))

import torch
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
x = torch.randn(3, 5, 8)  # (batch, seq_len, embed_dim)

out, weights = mha(x, x, x)  # self-attention: query = key = value
print("output:", tuple(out.shape))
print("weights (averaged over heads):", tuple(weights.shape))

_, per_head = mha(x, x, x, average_attn_weights=False)
print("weights per head:", tuple(per_head.shape))
print("average of the heads:", torch.allclose(per_head.mean(dim=1), weights))

out_only, none = mha(x, x, x, need_weights=False)
print("need_weights=False:", none, torch.allclose(out_only, out, atol=1e-6))

# Cross-attention: 4 queries attend over 6 keys/values
memory = torch.randn(3, 6, 8)
out, weights = mha(x[:, :4], memory, memory)
print("cross-attention:", tuple(out.shape), tuple(weights.shape))

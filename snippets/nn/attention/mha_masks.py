import torch
from torch import nn

torch.manual_seed(0)
mha = nn.MultiheadAttention(embed_dim=8, num_heads=2, batch_first=True)
x = torch.randn(2, 4, 8)

# key_padding_mask: (batch, seq_len), True = "this key is padding, ignore it"
padding = torch.tensor([[False, False, False, False],
                        [False, False, True, True]])  # sequence 2 has 2 real tokens
_, weights = mha(x, x, x, key_padding_mask=padding)
print(weights[1].detach().round(decimals=3))

# attn_mask: (L, S); for nn.MultiheadAttention a boolean True = "may NOT attend"
blocked = torch.ones(4, 4, dtype=torch.bool).triu(diagonal=1)
float_mask = torch.zeros(4, 4).masked_fill(blocked, float("-inf"))
out_bool, _ = mha(x, x, x, attn_mask=blocked)
out_float, _ = mha(x, x, x, attn_mask=float_mask)
print("boolean and -inf masks agree:", torch.allclose(out_bool, out_float, atol=1e-6))

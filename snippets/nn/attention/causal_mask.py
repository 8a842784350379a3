import torch
import torch.nn.functional as F

torch.manual_seed(0)
L, d = 4, 8
Q, K, V = torch.randn(3, L, d).unbind(0)

# -inf above the diagonal: query i may only look at keys 0..i
mask = torch.full((L, L), float("-inf")).triu(diagonal=1)
print(mask)

weights = torch.softmax(Q @ K.T / d**0.5 + mask, dim=-1)
print(weights.round(decimals=3))

by_hand = weights @ V
print("same as is_causal=True:", torch.allclose(by_hand, F.scaled_dot_product_attention(Q, K, V, is_causal=True)))
# A boolean attn_mask for this function means True = "may attend"
allowed = torch.ones(L, L, dtype=torch.bool).tril()
print("same as boolean mask  :", torch.allclose(by_hand, F.scaled_dot_product_attention(Q, K, V, attn_mask=allowed)))

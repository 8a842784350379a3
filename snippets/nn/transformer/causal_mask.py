import torch
from torch import nn

mask = nn.Transformer.generate_square_subsequent_mask(4)
print(mask)
print("same as triu(-inf):", torch.equal(mask, torch.full((4, 4), float("-inf")).triu(diagonal=1)))

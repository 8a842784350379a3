import torch
import torch.nn.functional as F
from torch import nn

x1 = torch.tensor([[1.0, 0.0], [1.0, 0.0], [1.0, 0.0]])
x2 = torch.tensor([[1.0, 1.0], [1.0, 1.0], [-1.0, 0.2]])
y = torch.tensor([1.0, -1.0, -1.0])  # +1: should point the same way; -1: should not

cos = F.cosine_similarity(x1, x2)
print("cosine similarity:", cos.round(decimals=4))
print("none:", nn.CosineEmbeddingLoss(margin=0.5, reduction="none")(x1, x2, y).round(decimals=4))

# by hand, margin 0.5: 1 - cos for y = 1, max(0, cos - 0.5) for y = -1
hand = [1 - c if yi == 1 else max(0.0, c - 0.5) for c, yi in zip(cos.tolist(), y.tolist())]
print("hand:", [round(v, 4) for v in hand])

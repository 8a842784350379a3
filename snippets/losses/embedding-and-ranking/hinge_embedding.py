import torch
from torch import nn

# Three pairs of 2-D embeddings; y = 1 for "similar", -1 for "dissimilar"
e1 = torch.tensor([[0.0, 0.0], [1.0, 1.0], [0.0, 1.0]])
e2 = torch.tensor([[0.3, 0.1], [1.2, 1.0], [2.0, 1.5]])
y = torch.tensor([1.0, -1.0, -1.0])
d = (e1 - e2).abs().sum(dim=1)  # L1 distance of each pair: the input of the loss
print("distances:", d)

print("none:", nn.HingeEmbeddingLoss(reduction="none")(d, y))
print("mean:", nn.HingeEmbeddingLoss()(d, y))

# by hand, margin 1: similar pairs pay their distance, dissimilar pairs pay max(0, 1 - d)
hand = [di if yi == 1 else max(0.0, 1 - di) for di, yi in zip(d.tolist(), y.tolist())]
print("hand:", [round(v, 4) for v in hand])

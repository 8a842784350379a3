import torch
from torch import nn

x1 = torch.tensor([0.8, 0.3, 0.5])  # score of item A in three pairs
x2 = torch.tensor([0.2, 0.6, 0.4])  # score of item B
y = torch.tensor([1.0, -1.0, 1.0])  # +1: A should rank higher; -1: B should

loss = nn.MarginRankingLoss(margin=0.2, reduction="none")
print("none:", loss(x1, x2, y))
print("mean:", nn.MarginRankingLoss(margin=0.2)(x1, x2, y))

# by hand: max(0, -y * (x1 - x2) + margin)
print("hand:", [round(max(0.0, -yi * (a - b) + 0.2), 4) for a, b, yi in zip(x1.tolist(), x2.tolist(), y.tolist())])

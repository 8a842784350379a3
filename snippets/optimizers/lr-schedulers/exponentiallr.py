import math

import torch
from torch.optim.lr_scheduler import ExponentialLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
k = 0.1
scheduler = ExponentialLR(optimizer, gamma=math.exp(-k))

lrs = []
for epoch in range(6):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # a real loop trains one epoch here
    scheduler.step()

print([round(lr, 5) for lr in lrs])
by_hand = [0.1 * math.exp(-k * t) for t in range(6)]
print("matches 0.1 * exp(-k t):", max(abs(a - b) for a, b in zip(lrs, by_hand)) < 1e-12)

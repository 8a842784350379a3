import torch
from torch.optim.lr_scheduler import CosineAnnealingWarmRestarts

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=2, T_mult=2)

lrs = []
for epoch in range(10):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # a real loop trains one epoch here
    scheduler.step()

print([round(lr, 4) for lr in lrs])

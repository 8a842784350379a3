import torch
from torch.optim.lr_scheduler import CosineAnnealingLR, LinearLR, SequentialLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
warmup = LinearLR(optimizer, start_factor=0.25, total_iters=3)
cosine = CosineAnnealingLR(optimizer, T_max=5)
scheduler = SequentialLR(optimizer, schedulers=[warmup, cosine], milestones=[3])

lrs = []
for epoch in range(9):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # a real loop trains one epoch here
    scheduler.step()

print([round(lr, 4) for lr in lrs])

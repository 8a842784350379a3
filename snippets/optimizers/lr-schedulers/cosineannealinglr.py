import torch
from torch.optim.lr_scheduler import CosineAnnealingLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = CosineAnnealingLR(optimizer, T_max=4, eta_min=0.01)

lrs = []
for epoch in range(10):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # a real loop trains one epoch here
    scheduler.step()

print([round(lr, 4) for lr in lrs])

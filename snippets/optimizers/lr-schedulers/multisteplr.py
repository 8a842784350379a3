import torch
from torch.optim.lr_scheduler import MultiStepLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = MultiStepLR(optimizer, milestones=[2, 5], gamma=0.1)

lrs = []
for epoch in range(7):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # a real loop trains one epoch here
    scheduler.step()

print([round(lr, 6) for lr in lrs])

import torch
from torch.optim.lr_scheduler import LinearLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = LinearLR(optimizer, start_factor=0.25, total_iters=4)

lrs = []
for epoch in range(7):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # a real loop trains one epoch here
    scheduler.step()

print([round(lr, 5) for lr in lrs])

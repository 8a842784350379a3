import torch
from torch.optim.lr_scheduler import ConstantLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = ConstantLR(optimizer)  # factor=1/3, total_iters=5

lrs = []
for epoch in range(8):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # a real loop trains one epoch here
    scheduler.step()

print([round(lr, 5) for lr in lrs])

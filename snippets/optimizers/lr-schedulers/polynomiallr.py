import torch
from torch.optim.lr_scheduler import PolynomialLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = PolynomialLR(optimizer, total_iters=4, power=2.0)

lrs = []
for epoch in range(7):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # a real loop trains one epoch here
    scheduler.step()

print([round(lr, 5) for lr in lrs])

import torch
from torch.optim.lr_scheduler import MultiplicativeLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = MultiplicativeLR(optimizer, lr_lambda=lambda epoch: 0.5 if epoch % 3 == 0 else 1.0)

lrs = []
for epoch in range(10):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # a real loop trains one epoch here
    scheduler.step()

print([round(lr, 5) for lr in lrs])

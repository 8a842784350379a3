import torch
from torch.optim.lr_scheduler import ChainedScheduler, ConstantLR, ExponentialLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
constant = ConstantLR(optimizer, factor=0.5, total_iters=3)
decay = ExponentialLR(optimizer, gamma=0.9)
scheduler = ChainedScheduler([constant, decay], optimizer=optimizer)

lrs = []
for epoch in range(7):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # a real loop trains one epoch here
    scheduler.step()

print([round(lr, 5) for lr in lrs])
by_hand = [0.1 * (0.5 if t < 3 else 1.0) * 0.9**t for t in range(7)]
print("product of the two formulas:", max(abs(a - b) for a, b in zip(lrs, by_hand)) < 1e-12)

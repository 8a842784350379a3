import torch
from torch.optim.lr_scheduler import StepLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = StepLR(optimizer, step_size=3, gamma=0.5)

lrs = []
for epoch in range(10):
    lrs.append(scheduler.get_last_lr()[0])
    optimizer.step()  # a real loop trains one epoch here
    scheduler.step()

print([round(lr, 5) for lr in lrs])
by_hand = [0.1 * 0.5 ** (t // 3) for t in range(10)]
print("matches the formula:", max(abs(a - b) for a, b in zip(lrs, by_hand)) < 1e-12)

import torch
from torch.optim.lr_scheduler import CyclicLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1, momentum=0.9)
scheduler = CyclicLR(optimizer, base_lr=0.01, max_lr=0.1, step_size_up=2, mode="triangular2")

lrs, momenta = [], []
for batch in range(11):
    lrs.append(scheduler.get_last_lr()[0])
    momenta.append(optimizer.param_groups[0]["momentum"])
    optimizer.step()  # a real loop trains on one batch here
    scheduler.step()

print("lr:      ", " ".join(f"{lr:.3g}" for lr in lrs))
print("momentum:", " ".join(f"{m:.3g}" for m in momenta))

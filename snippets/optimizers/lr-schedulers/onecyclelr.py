import torch
from torch.optim.lr_scheduler import OneCycleLR

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1, momentum=0.9)
scheduler = OneCycleLR(optimizer, max_lr=0.1, total_steps=10)

lrs, momenta = [], []
for batch in range(10):
    lrs.append(scheduler.get_last_lr()[0])
    momenta.append(optimizer.param_groups[0]["momentum"])
    optimizer.step()  # a real loop trains on one batch here
    scheduler.step()

print("lr:      ", " ".join(f"{lr:.3g}" for lr in lrs))
print("momentum:", " ".join(f"{m:.3g}" for m in momenta))
try:
    scheduler.step()  # an 11th step is one too many
except ValueError as error:
    print("ValueError:", error)

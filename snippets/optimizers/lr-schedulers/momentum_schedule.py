import math

import torch


def momentum_at(t, mu_max=0.99):
    """Momentum for update t (counting from 0): 0.5, then 0.75, 0.833, ... every 250 updates, capped at mu_max."""
    return min(1 - 2 ** (-1 - math.log2(t // 250 + 1)), mu_max)


for t in (0, 249, 250, 500, 750, 1000, 12250):
    print(f"t={t:5d}: momentum {momentum_at(t):.4f}")

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.01, momentum=0.5)
for t in range(600):
    optimizer.param_groups[0]["momentum"] = momentum_at(t)  # set before each update
    optimizer.step()
print("momentum of the last update:", optimizer.param_groups[0]["momentum"])

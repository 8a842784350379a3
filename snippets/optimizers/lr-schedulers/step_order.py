import warnings

import torch

param = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([param], lr=0.1)
scheduler = torch.optim.lr_scheduler.StepLR(optimizer, step_size=1, gamma=0.5)

used = []
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for epoch in range(3):
        scheduler.step()  # wrong place: before the epoch's optimizer.step()
        used.append(optimizer.param_groups[0]["lr"])
        optimizer.step()

print("learning rates used:", used)
print(caught[0].category.__name__ + ":", str(caught[0].message).split(". ")[0])

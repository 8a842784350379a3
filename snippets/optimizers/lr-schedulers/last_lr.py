import torch

w = torch.nn.Parameter(torch.zeros(2))
b = torch.nn.Parameter(torch.zeros(1))
optimizer = torch.optim.SGD([{"params": [w]}, {"params": [b], "lr": 0.01}], lr=0.1)
scheduler = torch.optim.lr_scheduler.LinearLR(optimizer, start_factor=0.5, total_iters=4)

print("get_last_lr():", scheduler.get_last_lr())
print("param_groups: ", [group["lr"] for group in optimizer.param_groups])
print("base_lrs:     ", scheduler.base_lrs)
optimizer.step()
scheduler.step()
print("after a step: ", scheduler.get_last_lr())

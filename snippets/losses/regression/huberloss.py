import torch
from torch import nn

pred = torch.tensor([2.5, 0.0, 2.0, 10.0], requires_grad=True)
target = torch.tensor([3.0, -0.5, 2.0, 7.0])
delta = 1.0

huber = nn.HuberLoss(reduction="none", delta=delta)
print("none:", huber(pred, target).detach())
print("mean:", nn.HuberLoss(delta=delta)(pred, target).detach())

d = pred.detach() - target
by_hand = torch.where(d.abs() <= delta, 0.5 * d**2, delta * (d.abs() - 0.5 * delta))
print("by hand:", by_hand.mean())

nn.HuberLoss(reduction="sum", delta=delta)(pred, target).backward()
print("gradient (sum):", pred.grad)  # the error, clipped to [-delta, delta]

# HuberLoss(delta) = delta * SmoothL1Loss(beta=delta)
for delta in (0.5, 2.0):
    h = nn.HuberLoss(delta=delta)(pred, target)
    s = nn.SmoothL1Loss(beta=delta)(pred, target)
    print(f"delta={delta}: Huber {h:.4f} = {delta} * SmoothL1 {s:.4f}")

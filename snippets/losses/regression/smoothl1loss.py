import torch
from torch import nn

pred = torch.tensor([2.5, 0.0, 2.0, 10.0], requires_grad=True)
target = torch.tensor([3.0, -0.5, 2.0, 7.0])
beta = 2.0

smooth = nn.SmoothL1Loss(reduction="none", beta=beta)
print("none:", smooth(pred, target).detach())

d = pred.detach() - target
by_hand = torch.where(d.abs() < beta, 0.5 * d**2 / beta, d.abs() - 0.5 * beta)
print("by hand:", by_hand)

nn.SmoothL1Loss(reduction="sum", beta=beta)(pred, target).backward()
print("gradient (sum):", pred.grad)  # d / beta, clipped to [-1, 1]

# beta = 0 is exactly L1Loss; a huge beta flattens the loss towards 0
print(nn.SmoothL1Loss(beta=0.0)(pred, target).item(), nn.L1Loss()(pred, target).item())
print(f"{nn.SmoothL1Loss(beta=1e6)(pred, target).item():.2e}")

import torch

p = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.Adagrad([p])  # lr=0.01

steps = []
for t in range(1, 6):
    before = p.item()
    p.grad = torch.tensor([3.0])  # set by hand: the same gradient at every step
    optimizer.step()
    steps.append(before - p.item())

print("steps:   ", [round(s, 5) for s in steps])
print("lr/sqrt(t)", [round(0.01 / t**0.5, 5) for t in range(1, 6)])
print("sum of squared gradients:", optimizer.state[p]["sum"])

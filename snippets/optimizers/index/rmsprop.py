import torch

p = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.RMSprop([p])  # lr=0.01, alpha=0.99

steps = []
for t in range(1, 101):
    before = p.item()
    p.grad = torch.tensor([1.0])  # the same gradient at every step
    optimizer.step()
    steps.append(before - p.item())

print("steps 1-4:", [round(s, 4) for s in steps[:4]])
print("step 100: ", round(steps[-1], 4))
print("by hand:  ", [round(0.01 / (1 - 0.99**t) ** 0.5, 4) for t in (1, 2, 3, 4, 100)])

import torch

p = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.Adadelta([p])  # lr=1.0, rho=0.9, eps=1e-6

steps = []
for t in range(1, 201):
    before = p.item()
    p.grad = torch.tensor([1.0])  # the same gradient at every step
    optimizer.step()
    steps.append(before - p.item())

for t in (1, 2, 3, 10, 50, 200):
    print(f"step {t:3d}: {steps[t - 1]:.4f}")

import torch

p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.Rprop([p])  # lr=0.01 is the first step size

for t in range(1, 8):
    optimizer.zero_grad()
    ((p - 0.05) ** 2).sum().backward()  # minimum at 0.05
    sign = "+" if p.grad.item() > 0 else "-"
    optimizer.step()
    step_size = optimizer.state[p]["step_size"].item()
    print(f"t={t}  gradient {sign}  step size {step_size:.5f}  p={p.item():.5f}")

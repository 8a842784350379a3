import torch

torch.manual_seed(0)
p = torch.zeros(1, requires_grad=True)
optimizer = torch.optim.ASGD([p], lr=0.1, t0=100)  # start averaging after about 100 steps

last = []
for step in range(1000):
    p.grad = 2 * (p.detach() - 1) + torch.randn(1)  # a noisy gradient of (p - 1)^2, minimum at 1
    optimizer.step()
    last.append(p.item())

print(f"last 100 iterates: from {min(last[-100:]):.2f} to {max(last[-100:]):.2f}")
print(f"average ax:        {optimizer.state[p]['ax'].item():.3f}")

import torch

p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.RAdam([p])  # lr=0.001, betas=(0.9, 0.999)

beta2 = 0.999
rho_inf = 2 / (1 - beta2) - 1
for t in range(1, 9):
    before = p.item()
    p.grad = torch.tensor([2.0], dtype=torch.float64)  # the same gradient every step
    optimizer.step()
    rho_t = rho_inf - 2 * t * beta2**t / (1 - beta2**t)
    print(f"t={t}  rho_t={rho_t:.3f}  step={before - p.item():.2e}")

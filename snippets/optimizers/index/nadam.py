import torch

beta1, psi = 0.9, 0.004  # betas[0] and momentum_decay


def mu(t):
    return beta1 * (1 - 0.5 * 0.96 ** (t * psi))


print("mu_t:", {t: round(mu(t), 3) for t in (1, 100, 1000, 10_000, 100_000)})

p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.NAdam([p])
for _ in range(3):
    p.grad = torch.ones_like(p)
    optimizer.step()
print("mu_product:", round(optimizer.state[p]["mu_product"].item(), 6), round(mu(1) * mu(2) * mu(3), 6))

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
x, target = torch.randn(16, 4), torch.randn(16, 1) * 100  # huge targets: huge gradients
nn.functional.mse_loss(model(x), target).backward()

before = [p.grad.clone() for p in model.parameters()]
by_hand = torch.sqrt(sum(g.pow(2).sum() for g in before))  # one norm over all gradients

total_norm = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
print(f"total norm returned: {total_norm:.2f}, by hand: {by_hand:.2f}")

after = torch.sqrt(sum(p.grad.pow(2).sum() for p in model.parameters()))
print(f"norm after clipping: {after:.4f}")
coef = 1.0 / (by_hand + 1e-6)  # max_norm / (total norm + 1e-6)
print("every gradient times the same factor:",
      all(torch.allclose(p.grad, g * coef) for p, g in zip(model.parameters(), before)))

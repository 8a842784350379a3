import torch
from torch import nn

torch.manual_seed(0)
x, target = torch.randn(8, 3), torch.randn(8, 1)
lr, lam = 0.1, 0.01

# (a) SGD's weight_decay ...
model_a = nn.Linear(3, 1)
model_b = nn.Linear(3, 1)
model_b.load_state_dict(model_a.state_dict())  # identical starting weights

opt_a = torch.optim.SGD(model_a.parameters(), lr=lr, weight_decay=lam)
nn.functional.mse_loss(model_a(x), target).backward()
opt_a.step()

# (b) ... is the same as adding the L2 penalty (lam / 2) * sum(w^2) to the loss.
opt_b = torch.optim.SGD(model_b.parameters(), lr=lr)
penalty = lam / 2 * sum(p.pow(2).sum() for p in model_b.parameters())
(nn.functional.mse_loss(model_b(x), target) + penalty).backward()
opt_b.step()

print("same weights after one step:", torch.allclose(model_a.weight, model_b.weight))
print("same bias after one step:   ", torch.allclose(model_a.bias, model_b.bias))

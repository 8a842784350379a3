import math

import torch
import torch.nn.functional as F
from torch.distributions import Normal

torch.manual_seed(0)
y = torch.randn(6) + 2.0             # targets
mu = torch.randn(6)                  # a model's predicted means

nll = -Normal(loc=mu, scale=1.0).log_prob(y).mean()
mse = F.mse_loss(mu, y)
print(f"Gaussian NLL (sigma = 1): {nll:.4f}")
print(f"MSE / 2 + ln(2 pi) / 2:   {mse / 2 + math.log(2 * math.pi) / 2:.4f}")
print(f"GaussianNLLLoss(var=1):   {F.gaussian_nll_loss(mu, y, torch.ones(6)):.4f} = MSE / 2 = {mse / 2:.4f}")

# the constant mean that maximises the likelihood is the sample mean
grid = torch.linspace(0.0, 4.0, 401)
nll_of_c = -Normal(loc=grid[:, None], scale=1.0).log_prob(y).sum(dim=1)
print(f"best constant: {grid[nll_of_c.argmin()]:.2f},  sample mean: {y.mean():.2f}")

import math

import torch
from torch import distributions as D
from torch import nn

torch.manual_seed(0)

# regression: targets y, predicted means mu
y = torch.tensor([0.3, -1.2, 2.0, 0.7])
mu = torch.tensor([0.5, -1.0, 1.0, 0.0])
normal = -D.Normal(mu, 1.0).log_prob(y).mean()
laplace = -D.Laplace(mu, 1.0).log_prob(y).mean()
print(f"Normal(mu, 1)    {normal:.4f}  MSE / 2 + log(2 pi) / 2  {nn.MSELoss()(mu, y) / 2 + math.log(2 * math.pi) / 2:.4f}")
print(f"Laplace(mu, 1)   {laplace:.4f}  L1 + log 2                {nn.L1Loss()(mu, y) + math.log(2):.4f}")

# binary labels from logits
logits = torch.tensor([1.5, -0.3, 0.2, 2.0])
labels = torch.tensor([1.0, 0.0, 0.0, 1.0])
bernoulli = -D.Bernoulli(logits=logits).log_prob(labels).mean()
print(f"Bernoulli        {bernoulli:.4f}  BCEWithLogitsLoss         {nn.BCEWithLogitsLoss()(logits, labels):.4f}")

# one class out of 3, from logits
scores = torch.randn(4, 3)
classes = torch.tensor([0, 2, 1, 2])
categorical = -D.Categorical(logits=scores).log_prob(classes).mean()
print(f"Categorical      {categorical:.4f}  CrossEntropyLoss          {nn.CrossEntropyLoss()(scores, classes):.4f}")

# counts from log-rates
counts = torch.tensor([0.0, 2.0, 5.0, 1.0])
log_rate = torch.tensor([0.1, 0.5, 1.4, -0.2])
poisson = -D.Poisson(log_rate.exp()).log_prob(counts).mean()
constant = torch.lgamma(counts + 1).mean()  # mean of log(k!), independent of the model
print(f"Poisson          {poisson:.4f}  PoissonNLLLoss + log k!   {nn.PoissonNLLLoss()(log_rate, counts) + constant:.4f}")

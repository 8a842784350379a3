import torch
from torch import nn

torch.manual_seed(0)
bn = nn.BatchNorm1d(3)  # momentum=0.1; running_mean starts at 0, running_var at 1
print("before:", bn.running_mean, bn.running_var)

x = torch.randn(8, 3) * 2 + 1
bn(x)  # one training step updates the running statistics

m = bn.momentum
expected_mean = (1 - m) * torch.zeros(3) + m * x.mean(dim=0)
expected_var = (1 - m) * torch.ones(3) + m * x.var(dim=0, unbiased=True)  # UNbiased here
print("running_mean:", bn.running_mean.round(decimals=4), torch.allclose(bn.running_mean, expected_mean))
print("running_var: ", bn.running_var.round(decimals=4), torch.allclose(bn.running_var, expected_var))
print("batches seen:", bn.num_batches_tracked.item())

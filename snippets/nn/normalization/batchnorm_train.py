import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(8, 3) * torch.tensor([1.0, 5.0, 0.1]) + torch.tensor([0.0, 10.0, -3.0])  # 8 samples, 3 features

bn = nn.BatchNorm1d(num_features=3)  # training mode is the default
y = bn(x)

# By hand: per feature, over the batch, with the biased variance (divide by N).
mean = x.mean(dim=0)
var = x.var(dim=0, unbiased=False)
by_hand = (x - mean) / torch.sqrt(var + bn.eps) * bn.weight + bn.bias

print("input mean: ", x.mean(dim=0).round(decimals=3))
print("output mean:", y.mean(dim=0).detach().round(decimals=3).abs())  # abs() hides -0.0
print("output std: ", y.std(dim=0, unbiased=False).detach().round(decimals=3))
print("matches by hand:", torch.allclose(y, by_hand, atol=1e-6))
print("gamma:", bn.weight.data, "beta:", bn.bias.data)

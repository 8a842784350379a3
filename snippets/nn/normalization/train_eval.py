import torch
from torch import nn

torch.manual_seed(0)
bn = nn.BatchNorm1d(3)
for _ in range(50):  # "train" on batches whose features have mean 2 and std 3
    bn(torch.randn(16, 3) * 3 + 2)
print("running mean:", bn.running_mean.round(decimals=2))
print("running var: ", bn.running_var.round(decimals=2))

x = torch.tensor([[2.0, 5.0, -1.0], [4.0, -1.0, 3.0]])

# Training mode: batch statistics. A batch of two always becomes -1 and +1.
print("train:", bn(x).detach().round(decimals=3))
# Evaluation mode: the running statistics, the same for every batch.
bn.eval()
print("eval: ", bn(x).detach().round(decimals=3))
by_hand = (x - bn.running_mean) / torch.sqrt(bn.running_var + bn.eps) * bn.weight + bn.bias
print("eval matches the running-statistics formula:", torch.allclose(bn(x), by_hand))

print("one sample in eval mode:", tuple(bn(x[:1]).shape))
bn.train()
try:
    bn(x[:1])
except ValueError as err:
    print("one sample in train mode:", err)

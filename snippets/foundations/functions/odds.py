import math

import torch

p = torch.tensor([0.1, 0.5, 0.8, 0.99], dtype=torch.float64)
odds = p / (1 - p)
print("p:           ", p)
print("odds p/(1-p):", odds.round(decimals=4))
print("log-odds:    ", torch.log(odds).round(decimals=4))
print("torch.logit: ", torch.logit(p).round(decimals=4))
print("sigmoid(logit(p)) == p:", torch.allclose(torch.sigmoid(torch.logit(p)), p))

z = torch.logit(p)
print("odds after logit + 1, divided by odds:", ((torch.sigmoid(z + 1) / (1 - torch.sigmoid(z + 1))) / odds).round(decimals=4))
print(f"e = {math.e:.4f}")

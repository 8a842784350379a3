import math

import torch
from torch.distributions import Poisson

calls = Poisson(rate=torch.tensor(3.0))           # on average 3 events per interval
k = torch.arange(7.0)
print("P(X = 0..6):", calls.log_prob(k).exp().round(decimals=4))
by_hand = torch.tensor([3.0 ** i * math.exp(-3.0) / math.factorial(i) for i in range(7)])
print("lambda^k e^-lambda / k! equal:", torch.allclose(calls.log_prob(k).exp(), by_hand))
print("mean, variance:", calls.mean, calls.variance)

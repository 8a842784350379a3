import torch
import torch.nn.functional as F
from torch.distributions import Bernoulli

coin = Bernoulli(probs=torch.tensor(0.7))        # P(X = 1) = 0.7
x = torch.tensor([1.0, 0.0])
print("P(X=1), P(X=0):", coin.log_prob(x).exp())
print("mean, variance:", coin.mean, coin.variance.round(decimals=4))
torch.manual_seed(0)
print("10 tosses:", coin.sample((10,)))

same_coin = Bernoulli(logits=torch.logit(torch.tensor(0.7)))   # parameterised by the log-odds
print("probs from logits:", same_coin.probs.round(decimals=4))

# minus the log-probability of an outcome is the binary cross-entropy
print("-log_prob:", -coin.log_prob(x).round(decimals=4))
print("BCE:      ", F.binary_cross_entropy(torch.tensor([0.7, 0.7]), x, reduction="none").round(decimals=4))

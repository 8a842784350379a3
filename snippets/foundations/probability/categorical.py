import torch
import torch.nn.functional as F
from torch.distributions import Categorical

dist = Categorical(probs=torch.tensor([0.1, 0.2, 0.3, 0.4]))
print("P(X=0), P(X=3):", dist.log_prob(torch.tensor([0, 3])).exp())
torch.manual_seed(0)
counts = torch.bincount(dist.sample((10_000,)), minlength=4)
print("frequencies in 10,000 draws:", counts / 10_000)

z = torch.tensor([2.0, 1.0, 0.1])                 # logits
from_logits = Categorical(logits=z)
print("probs = softmax(logits):", torch.allclose(from_logits.probs, torch.softmax(z, dim=0)))
y = torch.tensor(0)
print(f"-log_prob(0): {-from_logits.log_prob(y):.4f}   cross_entropy: {F.cross_entropy(z, y):.4f}")

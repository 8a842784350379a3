import math

import torch
import torch.nn.functional as F

logits = torch.tensor([[0.0, 0.0, 0.0, 1.0]])
target = torch.tensor([3])
print("softmax:", torch.softmax(logits, dim=1).round(decimals=4))
print(f"F.cross_entropy: {F.cross_entropy(logits, target):.4f},  by hand ln(3 + e) - 1 = {math.log(3 + math.e) - 1:.4f}")

logits = torch.tensor([[0.8982, 0.8050, 0.6393, 0.9983, 0.5731, 0.0469, 0.5560, 0.1476, 0.8404, 0.5544],
                       [0.9457, 0.0195, 0.9846, 0.3231, 0.1605, 0.3143, 0.9508, 0.2762, 0.7276, 0.4332]])
target = torch.tensor([1, 5])
per_sample = F.cross_entropy(logits, target, reduction="none")
print("per sample:", per_sample.round(decimals=4))
print(f"mean: {F.cross_entropy(logits, target):.4f},  sum: {F.cross_entropy(logits, target, reduction='sum'):.4f}")

# the same from the definition H(p, q) = -sum p log q, with p one-hot and q = softmax
p = F.one_hot(target, num_classes=10).float()
q = torch.softmax(logits, dim=1)
by_hand = -(p * q.log()).sum(dim=1).mean()          # mean over the batch: the 1/N
print(f"-(1/N) sum_n sum_c p log q: {by_hand:.4f}")
print(f"logsumexp - correct logit:  {(torch.logsumexp(logits, dim=1) - logits[[0, 1], target]).mean():.4f}")

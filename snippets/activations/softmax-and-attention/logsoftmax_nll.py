import torch
from torch import nn

torch.manual_seed(0)
logits = torch.randn(4, 3)  # 4 samples, 3 classes: raw scores from a model
target = torch.tensor([0, 2, 1, 2])

log_probs = nn.LogSoftmax(dim=1)(logits)
print(log_probs.round(decimals=4))
print("exp sums to 1:", torch.allclose(log_probs.exp().sum(dim=1), torch.ones(4)))

nll = nn.NLLLoss()(log_probs, target)        # expects log-probabilities
ce = nn.CrossEntropyLoss()(logits, target)   # expects raw logits
print(f"NLLLoss(LogSoftmax(logits)): {nll.item():.4f}")
print(f"CrossEntropyLoss(logits):    {ce.item():.4f}")

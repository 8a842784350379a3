import torch
import torch.nn.functional as F
from torch import nn

logits = torch.tensor([[2.0, 1.0, 0.1],
                       [0.5, 2.0, 0.3]])
target = torch.tensor([0, 2])
eps, C = 0.1, 3

# The smoothed target: 1 - eps + eps/C on the true class, eps/C elsewhere.
smoothed = (1 - eps) * F.one_hot(target, C).float() + eps / C
print(smoothed.round(decimals=4))

log_p = logits.log_softmax(dim=1)
print("by hand:", -(smoothed * log_p).sum(dim=1).mean())
print("torch:  ", nn.CrossEntropyLoss(label_smoothing=eps)(logits, target))
print("no smoothing:", nn.CrossEntropyLoss()(logits, target))

import torch
import torch.nn.functional as F
from torch import nn


def focal_loss(logits, target, gamma=2.0):
    log_p = logits.log_softmax(dim=1).gather(1, target[:, None]).squeeze(1)  # log p of the true class
    return (-((1 - log_p.exp()) ** gamma) * log_p).mean()


def brier_score(logits, target):
    one_hot = F.one_hot(target, logits.shape[1]).float()
    return ((logits.softmax(dim=1) - one_hot) ** 2).sum(dim=1).mean()


logits = torch.tensor([[4.0, 0.0, 0.0], [1.0, 0.5, 0.0], [-1.0, 2.0, 0.0]])
target = torch.tensor([0, 0, 0])  # an easy, a hard and a misclassified sample
print("p(true):", logits.softmax(dim=1)[:, 0])
print("gamma=0:", focal_loss(logits, target, 0.0), " CrossEntropyLoss:", nn.CrossEntropyLoss()(logits, target))
for i in range(3):
    ce = nn.CrossEntropyLoss()(logits[i:i + 1], target[i:i + 1])
    print(f"sample {i}: focal(gamma=2) / cross-entropy = {(focal_loss(logits[i:i + 1], target[i:i + 1]) / ce).item():.3f}")
print("Brier:", brier_score(logits, target))

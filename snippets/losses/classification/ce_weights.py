import torch
from torch import nn

logits = torch.tensor([[2.0, 1.0, 0.1],
                       [0.5, 2.0, 0.3],
                       [0.2, 0.4, 1.5]])
target = torch.tensor([0, 2, 2])
weight = torch.tensor([1.0, 1.0, 4.0])  # class 2 is rare: count it 4 times

per_sample = nn.CrossEntropyLoss(reduction="none")(logits, target)  # unweighted
w = weight[target]  # the weight of each sample's true class: [1, 4, 4]
print("unweighted per sample:", per_sample)
print("weights of the targets:", w)

print("torch, weighted mean:  ", nn.CrossEntropyLoss(weight=weight)(logits, target))
print("sum(w * l) / sum(w):   ", (w * per_sample).sum() / w.sum())
print("sum(w * l) / N (wrong):", (w * per_sample).sum() / len(target))
print("torch, weighted sum:   ", nn.CrossEntropyLoss(weight=weight, reduction="sum")(logits, target))

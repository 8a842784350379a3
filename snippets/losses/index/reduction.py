import torch
from torch import nn

pred = torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])  # 2 samples, 3 outputs each
target = torch.zeros(2, 3)

for reduction in ("none", "mean", "sum"):
    print(f"{reduction}:", nn.L1Loss(reduction=reduction)(pred, target))
print("sum / 6 elements:", pred.sum() / pred.numel())

# with class weights, 'mean' is a weighted mean: sum(w * loss) / sum(w)
logits = torch.tensor([[3.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.5]])
labels = torch.tensor([0, 1, 2])
weight = torch.tensor([1.0, 1.0, 4.0])
per_sample = nn.CrossEntropyLoss(weight=weight, reduction="none")(logits, labels)
print("weighted per sample:", per_sample)
print("mean:", nn.CrossEntropyLoss(weight=weight)(logits, labels))
print("sum(w * loss) / sum(w):", per_sample.sum() / weight[labels].sum())
print("not the plain mean:", per_sample.mean())

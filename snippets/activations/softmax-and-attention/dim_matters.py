import torch
from torch import nn

logits = torch.tensor([[1.0, 2.0, 3.0],
                       [1.0, 1.0, 5.0]])  # 2 samples (rows), 3 classes (columns)

per_row = nn.Softmax(dim=1)(logits)  # one distribution per sample: what a classifier wants
per_col = nn.Softmax(dim=0)(logits)  # one distribution per class, across the batch

print(per_row.round(decimals=4))
print("row sums:", per_row.sum(dim=1))
print(per_col.round(decimals=4))
print("column sums:", per_col.sum(dim=0))

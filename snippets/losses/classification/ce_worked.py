import math

import torch
from torch import nn

# Two samples, three classes: raw scores (logits) straight from a model.
rows = [[2.0, 1.0, 0.1],
        [0.5, 2.0, 0.3]]
labels = [0, 2]  # sample 0 is class 0, sample 1 is class 2

# By hand: loss_n = log(sum_c exp(x_nc)) - x_n,y_n = -log(p of the true class)
by_hand = []
for row, y in zip(rows, labels):
    log_sum_exp = math.log(sum(math.exp(v) for v in row))
    loss = log_sum_exp - row[y]
    print(f"{log_sum_exp:.4f} - {row[y]} = {loss:.4f}   p_true = {math.exp(-loss):.4f}")
    by_hand.append(loss)
print(f"mean by hand: {sum(by_hand) / len(by_hand):.4f}")

logits, target = torch.tensor(rows), torch.tensor(labels)
print("torch, reduction='none':", nn.CrossEntropyLoss(reduction="none")(logits, target))
print("torch, default 'mean':  ", nn.CrossEntropyLoss()(logits, target))

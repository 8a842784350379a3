import math

import torch
from torch import nn

logits = [2.0, -1.0, 0.5]  # raw scores, any real number
labels = [1.0, 0.0, 0.0]

# The stable form: max(x, 0) - x*y + log(1 + exp(-|x|)); no exp can overflow.
by_hand = [max(x, 0) - x * y + math.log1p(math.exp(-abs(x))) for x, y in zip(logits, labels)]
print("by hand:", [round(v, 4) for v in by_hand])
x, y = torch.tensor(logits), torch.tensor(labels)
print("torch:  ", nn.BCEWithLogitsLoss(reduction="none")(x, y))
print("same as BCELoss(sigmoid(x)):", nn.BCELoss(reduction="none")(torch.sigmoid(x), y))

# pos_weight multiplies the loss of positive targets only.
pos = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(3.0), reduction="none")(x, y)
print("pos_weight=3:", pos)

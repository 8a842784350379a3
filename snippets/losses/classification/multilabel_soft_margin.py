import torch
import torch.nn.functional as F
from torch import nn

# 2 images, 3 possible tags each; any number of tags can be present.
logits = torch.tensor([[1.5, -0.5, 2.0],
                       [-1.0, 0.3, -2.0]])
tags = torch.tensor([[1.0, 0.0, 1.0],
                     [0.0, 1.0, 0.0]])

# By hand: average over the C classes of the binary cross-entropy on sigmoid(x).
per_class = -(tags * F.logsigmoid(logits) + (1 - tags) * F.logsigmoid(-logits))
print("by hand, per sample:", per_class.mean(dim=1))
print("torch, 'none':      ", nn.MultiLabelSoftMarginLoss(reduction="none")(logits, tags))
print("mean:", nn.MultiLabelSoftMarginLoss()(logits, tags), " BCEWithLogitsLoss:", nn.BCEWithLogitsLoss()(logits, tags))

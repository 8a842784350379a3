import torch
import torch.nn.functional as F
from torch import nn

logits = torch.tensor([[2.0, 1.0, 0.1],
                       [0.5, 2.0, 0.3]])
labels = torch.tensor([0, 2])
loss_fn = nn.CrossEntropyLoss()

# 1. A one-hot float target is the same as the class index.
one_hot = F.one_hot(labels, num_classes=3).float()
print(one_hot)
print("class indices:", loss_fn(logits, labels))
print("one-hot probs:", loss_fn(logits, one_hot))

# 2. Soft targets: any distribution over the classes, e.g. 70/30 between two classes.
soft = torch.tensor([[0.7, 0.3, 0.0],
                     [0.0, 0.5, 0.5]])
by_hand = -(soft * logits.log_softmax(dim=1)).sum(dim=1).mean()
print("soft targets: ", loss_fn(logits, soft), " by hand:", by_hand)

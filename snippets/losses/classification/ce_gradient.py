import torch
import torch.nn.functional as F
from torch import nn

logits = torch.tensor([[2.0, 1.0, 0.1],
                       [0.5, 2.0, 0.3]], requires_grad=True)
target = torch.tensor([0, 2])

ce = nn.CrossEntropyLoss()(logits, target)
nll = nn.NLLLoss()(nn.LogSoftmax(dim=1)(logits), target)
print("CrossEntropyLoss:      ", ce)
print("LogSoftmax + NLLLoss:  ", nll)

# The gradient with respect to the logits is (softmax - one-hot) / N.
ce.backward()
by_hand = (logits.softmax(dim=1) - F.one_hot(target, 3)) / len(target)
print(logits.grad)
print(torch.allclose(logits.grad, by_hand))

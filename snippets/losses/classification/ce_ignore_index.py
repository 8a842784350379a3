import torch
from torch import nn

torch.manual_seed(0)
# A batch of 2 sequences of 4 tokens over a vocabulary of 5; the second
# sequence is only 2 tokens long, so its last 2 targets are padding (-100).
logits = torch.randn(2, 5, 4)  # (N, C, sequence length)
target = torch.tensor([[1, 0, 4, 2],
                       [3, 3, -100, -100]])

loss_fn = nn.CrossEntropyLoss()  # ignore_index=-100 by default
per_token = nn.CrossEntropyLoss(reduction="none")(logits, target)
print(per_token)
kept = target != -100
print("mean over the 6 real tokens:", per_token[kept].mean())
print("torch:                      ", loss_fn(logits, target))
print("mean of 'none' (zeros kept):", per_token.mean())

# If every target is ignored, 'mean' is 0 / 0:
print("all ignored:", loss_fn(logits, torch.full((2, 4), -100)))

import itertools
import math

import torch
from torch import nn

# 3 frames (rows), 3 symbols (columns): 0 = blank "-", 1 = "a", 2 = "b"
probs = torch.tensor([[0.2, 0.7, 0.1],
                      [0.3, 0.4, 0.3],
                      [0.5, 0.1, 0.4]])
symbols = "-ab"


def collapse(path):
    """Merge repeated symbols, then drop blanks: (1, 1, 0, 2) -> [1, 2]."""
    merged = [s for i, s in enumerate(path) if i == 0 or s != path[i - 1]]
    return [s for s in merged if s != 0]


total = 0.0
for path in itertools.product(range(3), repeat=3):  # all 27 paths
    if collapse(path) == [1, 2]:  # the alignments of "ab"
        prob = math.prod(probs[t, s].item() for t, s in enumerate(path))
        print("".join(symbols[s] for s in path), round(prob, 4))
        total += prob
print("p(ab) =", round(total, 4), "  -log p(ab) =", round(-math.log(total), 4))

log_probs = probs.log().unsqueeze(1)  # (T, N, C) = (3, 1, 3)
targets = torch.tensor([[1, 2]])  # (N, S)
lengths = dict(input_lengths=torch.tensor([3]), target_lengths=torch.tensor([2]))
print("sum: ", nn.CTCLoss(reduction="sum")(log_probs, targets, **lengths).round(decimals=4))
print("mean:", nn.CTCLoss()(log_probs, targets, **lengths).round(decimals=4), "(divided by the target length 2)")

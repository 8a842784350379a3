import math

import torch
from torch.distributions import Categorical


def entropy(p):
    """-sum p ln p, with 0 ln 0 = 0 (torch.special.entr computes -p ln p elementwise)."""
    return torch.special.entr(p).sum()

examples = {
    "fair coin      ": [0.5, 0.5],
    "biased coin    ": [0.9, 0.1],
    "fair 4-sided   ": [0.25, 0.25, 0.25, 0.25],
    "(0.5, .25, .25)": [0.5, 0.25, 0.25],
    "certain        ": [1.0, 0.0],
}
for name, p in examples.items():
    p = torch.tensor(p, dtype=torch.float64)
    nats = entropy(p)
    by_torch = Categorical(probs=p).entropy()
    print(f"{name} H = {nats:.4f} nats = {nats / math.log(2):.4f} bits   (Categorical.entropy: {by_torch:.4f})")

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.LayerNorm(8), nn.Linear(8, 1))

# a common recipe: weight decay on the weight matrices only, not on biases or norm scales
decay = [p for p in model.parameters() if p.ndim >= 2]
no_decay = [p for p in model.parameters() if p.ndim < 2]
optimizer = torch.optim.AdamW(
    [
        {"params": decay},  # takes the defaults given below
        {"params": no_decay, "weight_decay": 0.0},  # overrides one of them
    ],
    lr=0.001,
    weight_decay=0.05,
)
for group in optimizer.param_groups:
    print(len(group["params"]), "tensors:", "lr", group["lr"], "weight_decay", group["weight_decay"])

# hyperparameters live in the groups, so they can be changed during training
for group in optimizer.param_groups:
    group["lr"] *= 0.5
print([group["lr"] for group in optimizer.param_groups])

import torch
from torch import nn

torch.manual_seed(0)
x = torch.tensor([-2.0, -2.0, -2.0, 1.0])
rrelu = nn.RReLU()  # lower=1/8, upper=1/3

rrelu.train()  # training mode: a fresh random slope for every element
print("train:", rrelu(x))
print("train:", rrelu(x))

rrelu.eval()  # evaluation mode: the fixed slope (lower + upper) / 2
print("eval: ", rrelu(x))
print(f"(lower + upper) / 2 = {(rrelu.lower + rrelu.upper) / 2:.4f}")

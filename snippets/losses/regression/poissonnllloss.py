import math

import torch
from torch import nn

counts = torch.tensor([0.0, 1.0, 3.0, 7.0])  # observed events per interval
log_rate = torch.tensor([0.0, 0.5, 1.0, 2.0], requires_grad=True)  # the model's output

loss = nn.PoissonNLLLoss()  # log_input=True: the input is log(rate)
print(f"loss:    {loss(log_rate, counts).item():.4f}")
by_hand = torch.exp(log_rate.detach()) - counts * log_rate.detach()
print(f"by hand: {by_hand.mean().item():.4f}")

loss(log_rate, counts).backward()
print("gradient:", log_rate.grad)  # (rate - count) / n: zero when rate = count

# the same loss on the rate itself
rate = log_rate.detach().exp()
print(f"log_input=False: {nn.PoissonNLLLoss(log_input=False)(rate, counts).item():.4f}")

# full=True adds Stirling's approximation of log(k!) for counts k > 1
stirling = torch.where(counts > 1, counts * counts.log() - counts + 0.5 * torch.log(2 * math.pi * counts), 0.0)
full = nn.PoissonNLLLoss(full=True, reduction="none")(log_rate, counts).detach()
print("Stirling term:", full - by_hand)
print("by hand:      ", stirling)
print("log(k!):      ", torch.lgamma(counts + 1))

from fractions import Fraction

import torch

# roll a fair die: win 3 on a multiple of 3, lose 1 otherwise
values = [Fraction(3), Fraction(-1)]
probs = [Fraction(2, 6), Fraction(4, 6)]
mean = sum(p * v for p, v in zip(probs, values))
var = sum(p * (v - mean) ** 2 for p, v in zip(probs, values))
print(f"E[X] = {mean},  Var[X] = {var} = {float(var):.4f},  std = {float(var) ** 0.5:.4f}")

torch.manual_seed(0)
rolls = torch.randint(1, 7, (100_000,))
payoff = torch.where(rolls % 3 == 0, 3.0, -1.0)
print(f"simulated: mean {payoff.mean():.4f}, variance {payoff.var(correction=0):.4f}")

import math

import torch
from torch import nn

# Read the two constants back from the module, in float64:
selu = nn.SELU()
scale = selu(torch.tensor(1.0, dtype=torch.float64)).item()               # scale * 1
alpha = -selu(torch.tensor(-math.inf, dtype=torch.float64)).item() / scale  # scale * alpha * (0 - 1)
print(f"torch:   alpha = {alpha:.10f}  scale = {scale:.10f}")

# Derive them: for z ~ N(0, 1), pick alpha so that E[SELU(z)] = 0,
# then scale so that E[SELU(z)^2] = 1.
def Phi(t):  # standard normal CDF
    return 0.5 * math.erfc(-t / math.sqrt(2))

r = math.sqrt(math.e)
alpha_d = (1 / math.sqrt(2 * math.pi)) / (0.5 - r * Phi(-1))
second = 0.5 + alpha_d**2 * (math.e**2 * Phi(-2) - 2 * r * Phi(-1) + 0.5)
scale_d = 1 / math.sqrt(second)
print(f"derived: alpha = {alpha_d:.10f}  scale = {scale_d:.10f}")
print(f"lowest output: -scale * alpha = {-scale * alpha:.4f}")

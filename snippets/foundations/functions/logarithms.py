import math

import torch

ln = torch.log
two, four, eight = torch.tensor(2.0), torch.tensor(4.0), torch.tensor(8.0)
print(f"product:  ln(2*4) = {ln(two * four):.4f},  ln 2 + ln 4 = {ln(two) + ln(four):.4f}")
print(f"quotient: ln(8/2) = {ln(eight / two):.4f},  ln 8 - ln 2 = {ln(eight) - ln(two):.4f}")
print(f"power:    ln(2^3) = {ln(two ** 3):.4f},  3 ln 2     = {3 * ln(two):.4f}")

x = torch.tensor([1.0, 10.0, 1000.0])
print("ln:   ", torch.log(x).round(decimals=4))
print("log2: ", torch.log2(x).round(decimals=4))
print("log10:", torch.log10(x))
print("log2 = ln / ln 2:", torch.allclose(torch.log2(x), torch.log(x) / math.log(2)))

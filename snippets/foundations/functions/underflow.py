import torch

torch.manual_seed(0)
p = 0.25 + 0.5 * torch.rand(1000)      # 1000 probabilities between 0.25 and 0.75

print("product of the probabilities:", p.prod())
print(f"sum of their logs: {p.log().sum():.2f}")

# log1p(x) = log(1 + x) without first rounding 1 + x
small = torch.tensor(1e-10)
print("log(1 + 1e-10):", torch.log(1 + small))
print("log1p(1e-10):  ", torch.log1p(small))

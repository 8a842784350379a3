import torch

torch.manual_seed(0)
d_k = 64
q = torch.randn(10_000, d_k)  # entries with mean 0, variance 1
k = torch.randn(10_000, d_k)
dots = (q * k).sum(-1)  # 10,000 dot products q . k

print("variance of q.k          :", round(dots.var().item(), 1))
print("variance of q.k / sqrt(d):", round((dots / d_k**0.5).var().item(), 2))

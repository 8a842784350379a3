import torch

x = torch.tensor([1000.0, 1001.0])

naive = torch.exp(x) / torch.exp(x).sum()  # e^1000 does not fit in a float
print("exp(x):", torch.exp(x))
print("naive softmax:", naive)

shifted = torch.exp(x - x.max()) / torch.exp(x - x.max()).sum()
print("shifted by max:", shifted)
print("torch.softmax:", torch.softmax(x, dim=0))

gap = torch.tensor([0.0, 200.0])
print("log(softmax):", torch.log(torch.softmax(gap, dim=0)))
print("log_softmax: ", torch.log_softmax(gap, dim=0))

import torch

torch.manual_seed(0)
a = torch.rand(3)
torch.manual_seed(0)
b = torch.rand(3)  # same seed, same sequence of random numbers
c = torch.rand(3)  # the generator has moved on: new numbers

print(a)
print(b)
print(c)
print(torch.equal(a, b), torch.equal(b, c))

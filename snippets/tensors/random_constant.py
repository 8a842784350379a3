import torch

torch.manual_seed(0)
shape = (2, 3)  # a tuple of dimension sizes

rand_tensor = torch.rand(shape)  # uniform on [0, 1)
randn_tensor = torch.randn(shape)  # standard normal: mean 0, std 1
ones_tensor = torch.ones(shape)
zeros_tensor = torch.zeros(shape)

print(rand_tensor)
print(randn_tensor)
print(ones_tensor)
print(zeros_tensor)
print(torch.full(shape, 7))  # a constant of your choice (dtype from the fill value)
print(torch.arange(0, 10, 3))  # like Python's range

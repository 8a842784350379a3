import torch

torch.manual_seed(0)
x_data = torch.tensor([[1, 2], [3, 4]])

x_ones = torch.ones_like(x_data)  # same shape and dtype as x_data
print(x_ones)

x_rand = torch.rand_like(x_data, dtype=torch.float)  # same shape, dtype overridden
print(x_rand)

# Random floats cannot be stored in an integer tensor
try:
    torch.rand_like(x_data)
except NotImplementedError as err:
    print("NotImplementedError:", err)

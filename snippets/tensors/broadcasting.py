import torch

column = torch.tensor([[0], [10], [20]])  # shape (3, 1)
row = torch.tensor([1, 2, 3, 4])  # shape (4,), treated as (1, 4)

table = column + row  # both are stretched to (3, 4)
print(table, table.shape)

# A scalar broadcasts against anything
print(row * 2)

# The rule can be checked without making any tensors
print(torch.broadcast_shapes((5, 1, 4), (3, 1)))

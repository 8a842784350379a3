import torch

a = torch.tensor([[1, 2, 3],
                  [4, 5, 6]])  # shape (2, 3)
b = a * 10

# cat joins along an EXISTING dimension (sizes must match in the others)
rows = torch.cat([a, b])  # dim=0 by default: more rows
cols = torch.cat([a, b], dim=1)  # more columns
print(rows, rows.shape)
print(cols, cols.shape)

# stack inserts a NEW dimension (all tensors must have the same shape)
print(torch.stack([a, b]).shape)  # dim=0 by default: [a, b]
by_row = torch.stack([a, b], dim=1)  # pairs row i of a with row i of b
by_element = torch.stack([a, b], dim=2)  # pairs the elements themselves
print(by_row, by_row.shape)
print(by_element, by_element.shape)

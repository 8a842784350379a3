import torch

t = torch.tensor([[1, 2, 3],
                  [4, 5, 6],
                  [7, 8, 9]])

# A list (or integer tensor) of indices picks whole rows, in any order
print(t[[2, 0]])

# Two index lists pair up element by element: (0, 1) and (2, 0)
print(t[[0, 2], [1, 0]])

# A boolean mask of the same shape selects matching elements (as a 1-D copy)
mask = t % 2 == 0
print(mask)
print(t[mask])

# Masks also work on the left of =, and torch.where picks between two values
t[t > 6] = 0
print(t)
print(torch.where(t > 3, t, -1))

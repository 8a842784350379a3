import torch

x = torch.arange(12)  # tensor([0, 1, ..., 11]), shape (12,)

v = x.view(3, 4)  # same 12 numbers, read as 3 rows of 4
r = x.reshape(4, -1)  # -1: "work this size out for me" -> (4, 3)
print(v)
print(r.shape)

# view never copies: v and x share memory
v[0, 0] = 100
print(x[:4])

try:
    x.view(5, -1)  # the number of elements must stay the same
except RuntimeError as err:
    print("RuntimeError:", err)

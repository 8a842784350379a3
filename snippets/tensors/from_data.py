import torch

data = [[1, 2], [3, 4]]
x_data = torch.tensor(data)  # copies the nested list into a new tensor
print(x_data)
print(x_data.dtype)

# The dtype is inferred from the Python values
print(torch.tensor([1.5, 2.0]).dtype)  # floats -> float32
print(torch.tensor([1, 2.5]).dtype)  # ints mixed with floats -> float32
print(torch.tensor([True, False]).dtype)  # bools -> bool

# ...or chosen explicitly
print(torch.tensor(data, dtype=torch.float64))

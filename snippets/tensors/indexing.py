import torch

tensor = torch.tensor([[1, 2, 3],
                       [4, 5, 6]])

first_row = tensor[0]
first_column = tensor[:, 0]
last_column = tensor[..., -1]
print(f"First row: {first_row}")
print(f"First column: {first_column}")
print(f"Last column: {last_column}")
print(f"Columns 1 onwards:\n{tensor[:, 1:]}")

tensor[:, 1] = 0  # assign through a slice: the whole second column becomes 0
print(tensor)

import numpy as np
import torch

np_array = np.array([[1, 2], [3, 4]])
t = torch.from_numpy(np_array)  # shares memory with np_array
print(t)
print(np_array.dtype, "->", t.dtype)

# NumPy's default float is float64, and the tensor keeps it
print(torch.from_numpy(np.zeros(2)).dtype)

# ...and back again: a CPU tensor to a NumPy array
t2 = torch.ones(5)
np_array2 = t2.numpy()
print(np_array2, np_array2.dtype)

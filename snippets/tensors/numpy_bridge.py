import numpy as np
import torch

# Tensor -> NumPy: .numpy() shares memory with the CPU tensor
t = torch.ones(5)
n = t.numpy()
t.add_(1)  # change the tensor in place...
print(f"t: {t}")
print(f"n: {n}")  # ...and the array changed too

# NumPy -> tensor: torch.from_numpy shares memory as well
n = np.ones(5)
t = torch.from_numpy(n)
np.add(n, 1, out=n)  # change the array in place...
print(f"t: {t}")  # ...and the tensor changed too

# torch.tensor always copies, so the two stay independent
c = torch.tensor(n)
n[0] = 100
print(f"from_numpy: {t[0].item()}, tensor: {c[0].item()}")

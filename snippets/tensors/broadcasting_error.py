import torch

a = torch.ones(2, 3)
b = torch.ones(2)  # trailing sizes 3 and 2: neither is 1

try:
    a + b
except RuntimeError as err:
    print("RuntimeError:", err)

# Give b an explicit size-1 dimension so it lines up with a's rows
print((a + b.unsqueeze(1)).shape)  # (2, 3) + (2, 1) -> (2, 3)

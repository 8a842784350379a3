import torch

torch.manual_seed(0)
tensor = torch.rand(3, 4)

print(f"Shape of tensor: {tensor.shape}")
print(f"Datatype of tensor: {tensor.dtype}")
print(f"Device tensor is stored on: {tensor.device}")
print(f"Number of dimensions: {tensor.ndim}, number of elements: {tensor.numel()}")
print(f"Tracks gradients: {tensor.requires_grad}")

import torch
from torch import nn

distances = torch.tensor([0.5, 2.0, 4.0])  # smaller is better

weights = nn.Softmin(dim=0)(distances)
print("softmin:", weights.round(decimals=4))
print("equals softmax(-x):", torch.allclose(weights, torch.softmax(-distances, dim=0)))
print(f"sum: {weights.sum().item():.4f}")

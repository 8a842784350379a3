import torch
from torch import nn

w = nn.Parameter(torch.zeros(4))
w.grad = torch.tensor([0.1, -0.3, 2.0, -5.0])
direction = w.grad / w.grad.norm()

nn.utils.clip_grad_value_([w], clip_value=0.5)
print(w.grad)
cosine = torch.dot(direction, w.grad / w.grad.norm())
print(f"cosine between old and new direction: {cosine:.3f}")

import torch
from torch import nn

torch.manual_seed(0)
none = nn.CrossEntropyLoss(reduction="none")

cases = {
    "one sample (C,)": (torch.randn(5), torch.tensor(3)),
    "batch (N, C)": (torch.randn(8, 5), torch.randint(0, 5, (8,))),
    "image (N, C, H, W)": (torch.randn(2, 5, 4, 4), torch.randint(0, 5, (2, 4, 4))),
}
for name, (x, y) in cases.items():
    print(f"{name:20} input {tuple(x.shape)}, target {tuple(y.shape)} -> none: {tuple(none(x, y).shape)}")

# Per-pixel classification is the same as flattening the pixels into the batch:
x, y = cases["image (N, C, H, W)"]
flat_x = x.permute(0, 2, 3, 1).reshape(-1, 5)  # (N*H*W, C)
print("same as flattened:", torch.allclose(nn.CrossEntropyLoss()(x, y), nn.CrossEntropyLoss()(flat_x, y.reshape(-1))))

# A sequence model gives (N, L, C): move the classes to dim 1 first.
scores = torch.randn(2, 7, 5)  # (N, L, C)
tokens = torch.randint(0, 5, (2, 7))  # (N, L)
print("sequence loss:", nn.CrossEntropyLoss()(scores.transpose(1, 2), tokens))

import torch
from torch import nn

torch.manual_seed(0)
scores = torch.randn(2, 3, 4, 4)  # (N, C, H, W): 2 images, 3 classes, 4x4 pixels

probs = nn.Softmax2d()(scores)
print(probs.shape)
print("same as softmax over dim 1:", torch.allclose(probs, scores.softmax(dim=1)))
print("per-pixel sums are 1:", torch.allclose(probs.sum(dim=1), torch.ones(2, 4, 4)))
print("pixel (0, 0) of image 0:", probs[0, :, 0, 0].round(decimals=4))
print("(C, H, W) input works too:", nn.Softmax2d()(scores[0]).shape)

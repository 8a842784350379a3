import torch
from sklearn.datasets import load_digits
from torch import nn

torch.manual_seed(0)

digits = load_digits()  # 1,797 real 8x8 handwritten digits, pixel values 0..16
x = torch.tensor(digits.images[:4], dtype=torch.float32).unsqueeze(1) / 16  # (4, 1, 8, 8)

model = nn.Sequential(
    nn.Conv2d(1, 8, kernel_size=3, padding=1),  # 8 feature maps, still 8x8
    nn.ReLU(),
    nn.MaxPool2d(2),  # 8x8 -> 4x4
    nn.Conv2d(8, 16, kernel_size=3, padding=1),  # 16 feature maps, 4x4
    nn.ReLU(),
    nn.AdaptiveAvgPool2d(1),  # one number per feature map
    nn.Flatten(),  # (4, 16, 1, 1) -> (4, 16)
    nn.Linear(16, 10),  # one score per digit class
)

print("input", tuple(x.shape))
for layer in model:
    x = layer(x)
    print(f"{type(layer).__name__:17s} -> {tuple(x.shape)}")
print("parameters:", sum(p.numel() for p in model.parameters()))

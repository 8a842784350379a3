import torch
from torch import nn

device = (
    "cuda"
    if torch.cuda.is_available()
    else "mps"
    if torch.backends.mps.is_available()
    else "cpu"
)


class DigitNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.flatten = nn.Flatten()  # (N, 8, 8) -> (N, 64)
        self.linear_relu_stack = nn.Sequential(
            nn.Linear(8 * 8, 32),  # 64 pixel values -> 32 hidden features
            nn.ReLU(),
            nn.Linear(32, 32),
            nn.ReLU(),
            nn.Linear(32, 10),  # one score (logit) per digit class 0..9
        )

    def forward(self, x):
        x = self.flatten(x)
        logits = self.linear_relu_stack(x)
        return logits


torch.manual_seed(0)
model = DigitNet().to(device)
print(model)

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 3)            # 4 samples, 3 features each
y = torch.randn(4, 1)            # one real-valued target per sample

model = nn.Linear(3, 1)          # one output unit, no activation
prediction = model(x)
loss = nn.MSELoss()(prediction, y)

print("prediction shape:", tuple(prediction.shape))
print("prediction:", prediction.detach().squeeze(1).round(decimals=4))
print(f"MSE loss: {loss.item():.4f}")
print("equals mean squared error:", torch.allclose(loss, ((prediction - y) ** 2).mean()))

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 3)
y = torch.tensor([1.0, 0.0, 0.0, 1.0])    # float targets, 1 = positive class

model = nn.Linear(3, 1)                    # ONE logit per sample
logits = model(x).squeeze(1)               # (4, 1) -> (4,), the shape of y
loss = nn.BCEWithLogitsLoss()(logits, y)   # applies the sigmoid itself

p = torch.sigmoid(logits)                  # P(class 1), for reading only
print("logits shape:", tuple(logits.shape))
print("P(class 1):", p.detach().round(decimals=4))
print("predicted class:", (logits > 0).long())   # same as p > 0.5
print(f"BCEWithLogitsLoss: {loss.item():.4f}")
by_hand = -(y * p.log() + (1 - y) * (1 - p).log()).mean()
print("equals -mean(y log p + (1-y) log(1-p)):", torch.allclose(loss, by_hand))

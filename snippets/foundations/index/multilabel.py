import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 3)
y = torch.tensor([[1.0, 0.0, 1.0],         # multi-hot: any number of labels per sample
                  [0.0, 0.0, 0.0],
                  [1.0, 1.0, 1.0],
                  [0.0, 1.0, 0.0]])

model = nn.Linear(3, 3)                    # C = 3 logits, one per label
logits = model(x)
loss = nn.BCEWithLogitsLoss()(logits, y)   # C independent binary problems

probs = torch.sigmoid(logits)
print("logits shape:", tuple(logits.shape), " target shape:", tuple(y.shape), y.dtype)
print("P(label present):")
print(probs.detach().round(decimals=4))
print("row sums:", probs.sum(dim=1).detach().round(decimals=4))
print("predicted labels:")
print((logits > 0).long())
print(f"BCEWithLogitsLoss: {loss.item():.4f}")

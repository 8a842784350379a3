import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(4, 3)
y = torch.tensor([2, 0, 1, 2])             # class indices (int64), not one-hot

model = nn.Linear(3, 3)                    # C = 3 logits per sample
logits = model(x)
loss = nn.CrossEntropyLoss()(logits, y)    # applies log-softmax itself

probs = torch.softmax(logits, dim=1)       # for reading only
print("logits shape:", tuple(logits.shape), " target shape:", tuple(y.shape), y.dtype)
print("probabilities:")
print(probs.detach().round(decimals=4))
print("row sums:", probs.sum(dim=1).detach().round(decimals=4))
print("predicted class:", logits.argmax(dim=1))
print(f"CrossEntropyLoss: {loss.item():.4f}")

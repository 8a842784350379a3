import torch
from torch import nn

x = torch.tensor([[0.1, 0.2, 0.4, 0.8]])
y = torch.tensor([[3, 0, -1, 1]])  # labels 3 and 0; the -1 ends the list, so the 1 is ignored

print(nn.MultiLabelMarginLoss()(x, y))

# by hand: every (label j, non-label i) pair adds max(0, 1 - (x[j] - x[i])), then divide by C = 4
labels, others = [3, 0], [1, 2]
pairs = {(j, i): max(0.0, 1 - (x[0, j] - x[0, i]).item()) for j in labels for i in others}
for (j, i), value in pairs.items():
    print(f"label {j} vs class {i}: {value:.1f}")
print("hand:", round(sum(pairs.values()) / 4, 4))

import torch
from torch import nn

a = torch.tensor([[0.0, 0.0], [0.0, 0.0]])  # anchors
p = torch.tensor([[1.0, 0.0], [1.0, 0.0]])  # positives: distance 1 from the anchor
n = torch.tensor([[0.0, 1.5], [2.5, 0.0]])  # negatives: distances 1.5 and 2.5

print("none:", nn.TripletMarginLoss(reduction="none")(a, p, n).round(decimals=4))
print("mean:", nn.TripletMarginLoss()(a, p, n).round(decimals=4))

# by hand, margin 1, Euclidean distance: max(0, d(a, p) - d(a, n) + 1)
d_ap, d_an = (a - p).norm(dim=1), (a - n).norm(dim=1)
print("hand:", (d_ap - d_an + 1).clamp(min=0))

# swap=True uses the smaller of d(a, n) and d(p, n): the second negative is only 1.5 from p
print("swap:", nn.TripletMarginLoss(swap=True, reduction="none")(a, p, n).round(decimals=4))
d_pn = (p - n).norm(dim=1)
print("hand:", (d_ap - torch.minimum(d_an, d_pn) + 1).clamp(min=0))

import math
import warnings

import torch
from torch import nn

P = [[0.5, 0.3, 0.2], [0.1, 0.1, 0.8]]  # target distributions (the "truth")
Q = [[0.4, 0.4, 0.2], [0.2, 0.2, 0.6]]  # the model's distributions

# KL(P || Q) = sum_c p_c * (log p_c - log q_c), one number per sample
kl = [sum(p * (math.log(p) - math.log(q)) for p, q in zip(ps, qs)) for ps, qs in zip(P, Q)]
print("by hand per sample:", [round(v, 4) for v in kl], " mean over samples:", round(sum(kl) / 2, 4))

target, log_q = torch.tensor(P), torch.tensor(Q).log()  # the INPUT must be log-probabilities
print("batchmean:", nn.KLDivLoss(reduction="batchmean")(log_q, target))
print("sum:      ", nn.KLDivLoss(reduction="sum")(log_q, target))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    mean = nn.KLDivLoss()(log_q, target)  # default reduction='mean'
print("mean:     ", mean, "= sum / 6 elements, with a", caught[0].category.__name__)
print("log_target=True:", nn.KLDivLoss(reduction="batchmean", log_target=True)(log_q, target.log()))

# Cross-entropy = entropy of P + KL(P || Q)
cross_entropy = nn.CrossEntropyLoss()(log_q, target)
entropy = -(target * target.log()).sum(dim=1).mean()
print("H(P, Q) - H(P):", cross_entropy - entropy)

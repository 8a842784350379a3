import warnings

import torch
import torch.nn.functional as F

p = torch.tensor([[0.5, 0.25, 0.25],
                  [0.1, 0.6, 0.3]])              # targets: probabilities
logits = torch.tensor([[0.0, 0.7, 0.0],
                       [1.0, 1.0, -1.0]])
log_q = F.log_softmax(logits, dim=1)              # input: LOG-probabilities

per_row = (p * (p.log() - log_q)).sum(dim=1)      # KL(p_n || q_n) for each sample
print("KL per sample:", per_row.round(decimals=4))
print(f"batchmean: {F.kl_div(log_q, p, reduction='batchmean'):.4f}  (mean of the rows: {per_row.mean():.4f})")
print(f"sum:       {F.kl_div(log_q, p, reduction='sum'):.4f}")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    mean = F.kl_div(log_q, p)                     # the default reduction='mean'
print(f"mean:      {mean:.4f}  (sum / 6 elements: {per_row.sum() / 6:.4f}); warns: {len(caught) == 1}")
print(f"log_target=True: {F.kl_div(log_q, p.log(), reduction='batchmean', log_target=True):.4f}")
print(f"wrong: probabilities as input: {F.kl_div(log_q.exp(), p, reduction='batchmean'):.4f}")

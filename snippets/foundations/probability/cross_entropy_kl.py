import math

import torch
import torch.nn.functional as F
from torch.distributions import Categorical, kl_divergence

p = torch.tensor([0.5, 0.25, 0.25], dtype=torch.float64)    # the true distribution
q = torch.tensor([0.25, 0.5, 0.25], dtype=torch.float64)    # a model's prediction

H_p = -(p * p.log()).sum()
H_pq = -(p * q.log()).sum()
KL = (p * (p / q).log()).sum()
print(f"H(p)    = {H_p:.4f} nats = {H_p / math.log(2):.2f} bits")
print(f"H(p, q) = {H_pq:.4f} nats = {H_pq / math.log(2):.2f} bits")
print(f"KL(p||q) = {KL:.4f} nats = {KL / math.log(2):.2f} bits;  H(p, q) - H(p) = {H_pq - H_p:.4f}")
print(f"torch.distributions.kl_divergence: {kl_divergence(Categorical(probs=p), Categorical(probs=q)):.4f}")
print(f"F.kl_div(q.log(), p, reduction='sum'): {F.kl_div(q.log(), p, reduction='sum'):.4f}")

r = torch.tensor([0.8, 0.1, 0.1], dtype=torch.float64)
print(f"KL(p||r) = {(p * (p / r).log()).sum():.4f},  KL(r||p) = {(r * (r / p).log()).sum():.4f}")

# one-hot truth: cross-entropy is -log of the probability given to the true class
truth = torch.tensor([0.0, 1.0, 0.0], dtype=torch.float64)
for pred in ([0.228, 0.619, 0.153], [0.2, 0.7, 0.1]):
    pred = torch.tensor(pred, dtype=torch.float64)
    ce = -(truth * pred.log()).sum()
    print(f"q = {pred.tolist()}: H(p, q) = {ce:.4f} = -ln {pred[1]:.3f}")

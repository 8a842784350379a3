import torch
import torch.nn.functional as F

torch.manual_seed(0)
logits = torch.randn(2, 3)
p = torch.tensor([[0.7, 0.2, 0.1],
                  [0.0, 0.5, 0.5]])              # a probability distribution per sample
loss = F.cross_entropy(logits, p)                 # float target of the same shape as the logits
by_hand = -(p * F.log_softmax(logits, dim=1)).sum(dim=1).mean()
print(f"cross_entropy with probability targets: {loss:.4f}, by hand: {by_hand:.4f}")

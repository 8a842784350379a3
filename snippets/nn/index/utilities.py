import torch
from torch import nn
from torch.nn.utils.rnn import pad_sequence

# pad sequences of different lengths into one batch tensor
seqs = [torch.tensor([1, 2, 3]), torch.tensor([4]), torch.tensor([5, 6])]
print(pad_sequence(seqs, batch_first=True))  # padding_value=0.0 by default

# rescale all gradients so that their combined norm is at most max_norm
torch.manual_seed(0)
model = nn.Linear(10, 10)
model(torch.randn(8, 10)).pow(2).sum().backward()
before = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
after = torch.cat([p.grad.flatten() for p in model.parameters()]).norm()
print(f"norm before: {before:.2f}, after: {after:.2f}")

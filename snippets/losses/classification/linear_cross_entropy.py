import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
hidden, vocab = 8, 50
loss_fn = nn.LinearCrossEntropyLoss(hidden, vocab)  # owns nn.Linear(8, 50, bias=False)
print(loss_fn.linear)

h = torch.randn(6, hidden)  # e.g. the last hidden states of 6 tokens
y = torch.randint(0, vocab, (6,))
W = loss_fn.linear.weight  # (vocab, hidden)
print("LinearCrossEntropyLoss:  ", loss_fn(h, y))
print("cross_entropy(h @ W.T, y):", F.cross_entropy(h @ W.T, y))

# The chunked path: same loss, computed a few rows at a time without
# keeping the whole (N, vocab) logits tensor in memory.
options = nn.LinearCrossEntropyOptions(batch_chunk_size=2, chunking_method=None)
chunked = nn.LinearCrossEntropyLoss(hidden, vocab, options=options)
chunked.load_state_dict(loss_fn.state_dict())
print("chunked:", torch.allclose(chunked(h, y), loss_fn(h, y)))

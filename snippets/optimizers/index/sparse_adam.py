import torch
from torch import nn

torch.manual_seed(0)
embedding = nn.Embedding(6, 2, sparse=True)  # backward gives a sparse gradient
before = embedding.weight.detach().clone()
optimizer = torch.optim.SparseAdam(embedding.parameters(), lr=0.1)

optimizer.zero_grad()
embedding(torch.tensor([1, 3])).pow(2).sum().backward()
print(embedding.weight.grad.is_sparse)
optimizer.step()
print("rows changed:", (embedding.weight != before).any(dim=1).nonzero().flatten().tolist())

try:
    torch.optim.Adam(embedding.parameters()).step()
except RuntimeError as error:
    print("Adam:", error)

import torch
from torch import nn

torch.manual_seed(0)
emb = nn.Embedding(5, 3, padding_idx=0)  # id 0 marks padding
print("row 0:", emb.weight[0].detach())

batch = torch.tensor([[3, 1, 2], [4, 2, 0]])  # the second sequence is padded with 0
emb(batch).sum().backward()
print("gradient of row 0:", emb.weight.grad[0])
print("gradient of row 2:", emb.weight.grad[2])  # id 2 appears twice

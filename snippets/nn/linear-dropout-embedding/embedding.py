import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
emb = nn.Embedding(num_embeddings=10, embedding_dim=3)  # a vocabulary of 10 tokens
print("weight:", tuple(emb.weight.shape))

ids = torch.tensor([[1, 2, 4], [4, 3, 9]])  # 2 sequences of 3 token ids
vectors = emb(ids)
print("ids", tuple(ids.shape), "-> vectors", tuple(vectors.shape))

# A lookup: row i of the weight matrix, the same as one-hot(i) @ weight.
print("rows of weight:   ", torch.equal(vectors, emb.weight[ids]))
one_hot = F.one_hot(ids, num_classes=10).float()
print("one-hot @ weight: ", torch.allclose(vectors, one_hot @ emb.weight))
print("same id, same vector:", torch.equal(vectors[0, 2], vectors[1, 0]))

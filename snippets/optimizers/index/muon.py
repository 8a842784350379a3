import torch
from torch import nn

torch.manual_seed(0)
weight = torch.zeros(8, 5, requires_grad=True)
optimizer = torch.optim.Muon([weight], lr=1.0, weight_decay=0.0)
weight.grad = torch.randn(8, 5) * torch.tensor([10.0, 3.0, 1.0, 0.3, 0.1])
optimizer.step()

update = -weight.detach() / (8 / 5) ** 0.5  # undo lr * sqrt(max(1, rows / cols))
print("gradient singular values:", torch.linalg.svdvals(weight.grad).round(decimals=2))
print("update singular values:  ", torch.linalg.svdvals(update).round(decimals=2))

# only matrices: give biases (and embeddings, and the output layer) to another optimizer
model = nn.Sequential(nn.Linear(4, 16), nn.ReLU(), nn.Linear(16, 1))
try:
    torch.optim.Muon(model.parameters())
except ValueError as error:
    print(error)
hidden = [model[0].weight]
rest = [model[0].bias, model[2].weight, model[2].bias]
optimizers = [torch.optim.Muon(hidden, lr=0.02), torch.optim.AdamW(rest, lr=3e-4)]
print(len(optimizers), "optimizers, one step each per batch")

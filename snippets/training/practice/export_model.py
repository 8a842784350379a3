import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3)).eval()
example = torch.randn(2, 4)

# trace the model into a graph of aten operators; dimension 0 (the batch) may vary
batch = torch.export.Dim("batch")
exported = torch.export.export(model, (example,), dynamic_shapes=({0: batch},))
print([str(node.target) for node in exported.graph.nodes if node.op == "call_function"])

torch.export.save(exported, "model.pt2")  # graph and weights in one file
loaded = torch.export.load("model.pt2").module()  # runs without the model's class
x = torch.randn(5, 4)
print(torch.allclose(loaded(x), model(x)))

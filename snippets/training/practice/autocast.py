import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(16, 32), nn.ReLU(), nn.Linear(32, 4))
x, labels = torch.randn(8, 16), torch.randint(0, 4, (8,))

with torch.autocast("cpu", dtype=torch.bfloat16):
    hidden = model[1](model[0](x))
    logits = model[2](hidden)
    loss = nn.functional.cross_entropy(logits, labels)
print("weights:", model[0].weight.dtype)
print("linear + relu output:", hidden.dtype)
print("logits:", logits.dtype)
print("loss:", loss.dtype)

loss.backward()  # outside the autocast block
print("gradients:", model[0].weight.grad.dtype)

with torch.no_grad():
    full = model(x)
print("close to float32:", torch.allclose(logits.float(), full, atol=0.05, rtol=0.05))

import torch
from torch import nn

# A negative example (y = 0) that the model is confidently wrong about.
x = torch.tensor([5.0, 20.0], requires_grad=True)
y = torch.zeros(2)

with_logits = nn.BCEWithLogitsLoss(reduction="sum")(x, y)
(grad,) = torch.autograd.grad(with_logits, x)
print("BCEWithLogitsLoss:", nn.BCEWithLogitsLoss(reduction="none")(x, y).detach(), "grad", grad)

two_steps = nn.BCELoss(reduction="sum")(torch.sigmoid(x), y)
(grad,) = torch.autograd.grad(two_steps, x)
print("BCELoss(sigmoid): ", nn.BCELoss(reduction="none")(torch.sigmoid(x), y).detach(), "grad", grad)
print("sigmoid(20) == 1 in float32:", torch.sigmoid(torch.tensor(20.0)).item() == 1.0)

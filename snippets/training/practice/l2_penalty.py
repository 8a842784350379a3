import torch
from torch import nn

torch.manual_seed(0)
x, target = torch.randn(8, 3), torch.randn(8, 1)
lam = 0.01

model = nn.Linear(3, 1)
nn.functional.mse_loss(model(x), target).backward()
plain_grad = model.weight.grad.clone()

model.zero_grad()
penalty = lam / 2 * model.weight.pow(2).sum()  # (lambda / 2) * sum of squared weights
(nn.functional.mse_loss(model(x), target) + penalty).backward()
print("gradient with penalty = plain gradient + lambda * w:",
      torch.allclose(model.weight.grad, plain_grad + lam * model.weight))

# One SGD step: weight_decay adds lambda * w to the gradient itself.
copy = nn.Linear(3, 1)
copy.load_state_dict(model.state_dict())
torch.optim.SGD(model.parameters(), lr=0.1).step()  # uses the penalised gradient above
copy.weight.grad, copy.bias.grad = plain_grad, model.bias.grad.clone()
torch.optim.SGD(copy.parameters(), lr=0.1, weight_decay=lam).step()
print("same weights after one step:", torch.allclose(model.weight, copy.weight))

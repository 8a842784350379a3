import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
x, y = torch.randn(8, 2), torch.randn(8, 1)

before = model.weight.detach().clone()
optimizer.zero_grad()  # every .grad becomes None
loss = nn.functional.mse_loss(model(x), y)
loss.backward()  # autograd fills every .grad
optimizer.step()  # the update rule: here weight <- weight - lr * grad

print(torch.allclose(model.weight, before - 0.1 * model.weight.grad))
optimizer.zero_grad()
print(model.weight.grad)

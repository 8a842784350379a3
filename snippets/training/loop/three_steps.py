import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(3, 1)
opt = torch.optim.SGD(layer.parameters(), lr=0.1)
x, target = torch.randn(4, 3), torch.randn(4, 1)


def batch_loss():
    return nn.functional.mse_loss(layer(x), target)


opt.zero_grad()  # 1. clear: the gradients become None
print("after zero_grad():", layer.weight.grad)
batch_loss().backward()  # 2. fill .grad of every parameter
grad = layer.weight.grad.clone()
print("after backward(): ", grad)
before = layer.weight.detach().clone()
opt.step()  # 3. update: weight <- weight - lr * grad
print("step() moved the weight by -lr * grad:", torch.allclose(layer.weight, before - 0.1 * grad))

# Without zero_grad(), backward() adds the new gradient to the old one.
opt.zero_grad()
batch_loss().backward()
first = layer.weight.grad.clone()
batch_loss().backward()
print("two backward() calls without zero_grad(): doubled:", torch.allclose(layer.weight.grad, 2 * first))

# step() before any backward(): there is no gradient to apply.
opt.zero_grad()
before = layer.weight.detach().clone()
opt.step()
print("step() without gradients changes nothing:", torch.equal(layer.weight, before))

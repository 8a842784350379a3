import torch
from torch import nn

torch.manual_seed(0)
x = torch.linspace(-1, 1, 8).unsqueeze(1)     # 8 samples, 1 feature
y = 2 * x + 1                                 # the rule the model should find

model = nn.Linear(1, 1)                       # the model: y_hat = w x + b
loss_fn = nn.MSELoss()                        # the loss: how wrong y_hat is
lr = 0.1
optimizer = torch.optim.SGD(model.parameters(), lr=lr)   # the optimizer

for step in range(1, 41):
    w_before = model.weight.detach().clone()
    loss = loss_fn(model(x), y)   # forward pass, then the loss
    optimizer.zero_grad()         # drop the previous step's gradients
    loss.backward()               # autograd fills p.grad = d loss / d p
    optimizer.step()              # p <- p - lr * p.grad
    if step == 1:
        print("update is w - lr * grad:",
              torch.allclose(model.weight, w_before - lr * model.weight.grad))
    if step % 10 == 0:
        print(f"step {step}  loss {loss.item():.4f}")

print(f"learned w = {model.weight.item():.4f}, b = {model.bias.item():.4f}")

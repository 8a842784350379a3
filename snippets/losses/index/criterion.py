import torch
from torch import nn
from torch.nn import functional as F

torch.manual_seed(0)
model = nn.Linear(3, 1)
x = torch.randn(4, 3)
y = torch.randn(4, 1)

criterion = nn.MSELoss()  # a module: configure it once, call it on every batch
loss = criterion(model(x), y)  # one number, as a 0-dim tensor
print(loss)
print(F.mse_loss(model(x), y))  # the same computation as a plain function

loss.backward()  # d loss / d parameter, for every parameter of the model
print(model.weight.grad)

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Linear(3, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)

model(torch.randn(4, 3)).sum().backward()
print("after backward:    ", model.bias.grad)

optimizer.zero_grad()  # set_to_none=True by default
print("after zero_grad(): ", model.bias.grad)

model(torch.randn(4, 3)).sum().backward()
optimizer.zero_grad(set_to_none=False)  # the old behaviour: fill with zeros
print("set_to_none=False: ", model.bias.grad)

model.zero_grad()  # nn.Module has the same method and default
print("model.zero_grad(): ", model.bias.grad)

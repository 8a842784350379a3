import torch
from torch import nn

prelu = nn.PReLU()  # one learnable slope, initialised to 0.25
print(prelu.weight)

x = torch.tensor([-2.0, -0.5, 0.0, 0.5, 2.0])
print(prelu(x).detach())

# num_parameters = number of channels: one slope per channel (dim 1 of the input)
per_channel = nn.PReLU(num_parameters=3)
images = -torch.ones(1, 3, 2, 2)  # batch 1, 3 channels, 2x2 pixels
with torch.no_grad():
    per_channel.weight.copy_(torch.tensor([0.1, 0.2, 0.3]))
print(per_channel(images)[0, :, 0, 0].detach())

# The slope gets a gradient like any other weight: fit it to data whose slope is 0.6
t = torch.where(x >= 0, x, 0.6 * x)
for step in range(30):
    loss = nn.functional.mse_loss(prelu(x), t)
    (grad,) = torch.autograd.grad(loss, prelu.weight)
    with torch.no_grad():
        prelu.weight -= 0.2 * grad  # plain gradient descent, lr = 0.2
print(f"learned slope: {prelu.weight.item():.4f}")

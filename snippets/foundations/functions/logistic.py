import torch

x = torch.tensor([-10.0, -2.0, 0.0, 2.0, 10.0], requires_grad=True)
s = torch.sigmoid(x)
print("sigma(x):      ", s.detach().round(decimals=4))
print("1 / (1 + e^-x):", (1 / (1 + torch.exp(-x))).detach().round(decimals=4))
print("sigma(-x) = 1 - sigma(x):", torch.allclose(torch.sigmoid(-x), 1 - s, atol=1e-6))

s.sum().backward()
print("slope (autograd):  ", x.grad.round(decimals=4))
print("sigma * (1 - sigma):", (s * (1 - s)).detach().round(decimals=4))

# a hard threshold gives autograd nothing to follow
step = torch.where(x > 0, 1.0, 0.0)
print("step(x):", step, " requires_grad:", step.requires_grad)

# two film ratings either side of the 0.5 threshold
rating = torch.tensor([0.49, 0.51])
print("step:   ", (rating > 0.5).float())
print("sigmoid:", torch.sigmoid(10 * (rating - 0.5)).round(decimals=4))

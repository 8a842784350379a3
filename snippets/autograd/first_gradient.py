import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)  # track operations on x
y = x + 2
z = y * y * 3
out = z.mean()  # a single number: (1/3) * sum of 3 * (x_i + 2)^2

out.backward()  # d out / d x, stored in x.grad
print(out)
print(x.grad)  # 2 * (x + 2)

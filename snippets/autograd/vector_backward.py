import torch

x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
y = x**2  # a vector, not a single number

try:
    y.backward()
except RuntimeError as err:
    print("RuntimeError:", err)

v = torch.tensor([1.0, 1.0, 1.0])
y.backward(gradient=v)  # computes v^T J, here the same as y.sum().backward()
print(x.grad)  # 2 * x

import torch

x = torch.tensor([[1., 2.], [3., 4.]])
y = torch.tensor([[2., 2.], [2., 2.]])

print(x + y)  # same as torch.add(x, y) and x.add(y)
print(x - y)  # torch.sub
print(x * y)  # torch.mul: element-wise, NOT a matrix product
print(x / y)  # torch.div

z = torch.empty_like(x)
torch.mul(x, y, out=z)  # any of them can write into an existing tensor
print(torch.equal(z, x.mul(y)))

# Dividing integers with / always gives floats; // rounds down
i = torch.tensor([7, -7])
print(i / 2, i // 2)

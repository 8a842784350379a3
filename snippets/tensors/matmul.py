import torch

tensor = torch.tensor([[1, 2, 3],
                       [4, 5, 6]])  # shape (2, 3)

y1 = tensor @ tensor.T  # (2, 3) @ (3, 2) -> (2, 2)
y2 = tensor.matmul(tensor.T)  # the same operation as a method
y3 = torch.mm(tensor, tensor.T)  # strictly 2-D matrices only
y4 = torch.zeros_like(y1)
torch.matmul(tensor, tensor.T, out=y4)  # write the result into an existing tensor

print(y1)
print(torch.equal(y1, y2), torch.equal(y1, y3), torch.equal(y1, y4))

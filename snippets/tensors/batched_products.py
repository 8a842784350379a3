import torch

torch.manual_seed(0)
A = torch.randn(4, 2, 3)  # a batch of four 2x3 matrices
B = torch.randn(4, 3, 5)  # a batch of four 3x5 matrices

with_matmul = A @ B
with_bmm = torch.bmm(A, B)
with_einsum = torch.einsum("bij,bjk->bik", A, B)  # sum over the shared index j
with_loop = torch.stack([torch.mm(A[i], B[i]) for i in range(4)])

print(with_matmul.shape)
print(torch.allclose(with_matmul, with_bmm),
      torch.allclose(with_matmul, with_einsum),
      torch.allclose(with_matmul, with_loop))

# matmul broadcasts: one 3x5 matrix is reused for every matrix in the batch
W = torch.randn(3, 5)
print((A @ W).shape)
try:
    torch.bmm(A, W)  # bmm does not broadcast
except RuntimeError as err:
    print("RuntimeError:", err)

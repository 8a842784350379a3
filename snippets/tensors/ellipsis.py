import torch

tensor_3d = torch.tensor([[[1, 2, 3],
                           [4, 5, 6]],
                          [[7, 8, 9],
                           [10, 11, 12]]])  # shape (2, 2, 3)

# ... stands for "all the dimensions in between": -1 indexes the LAST dimension
last_col = tensor_3d[..., -1]
print(last_col, last_col.shape)

# : covers one dimension only: -1 indexes the SECOND dimension
last_row = tensor_3d[:, -1]
print(last_row, last_row.shape)

print(torch.equal(tensor_3d[..., -1], tensor_3d[:, :, -1]))

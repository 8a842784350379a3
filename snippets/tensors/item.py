import torch

tensor = torch.tensor([[1., 2., 3.],
                       [4., 5., 6.]])
agg = tensor.sum()  # a 0-dimensional tensor holding one number
agg_item = agg.item()  # a plain Python number
print(agg, agg.shape)
print(agg_item, type(agg_item))
print(tensor.mean().item(), tensor.max().item())
print(tensor.tolist())  # the same idea for a whole tensor: nested lists

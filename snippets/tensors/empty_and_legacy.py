import torch

# torch.empty allocates memory but does not fill it: the values are
# whatever bytes happened to be there, so only look at the shape
scratch = torch.empty(3, 4)
print(scratch.shape)
scratch.fill_(0.5)  # now every value is defined
print(scratch[0])

# The old class constructors still work, but are easy to misread
print(torch.Tensor([1, 2]).dtype)  # torch.Tensor(...) always makes float32
print(torch.tensor([1, 2]).dtype)  # torch.tensor(...) infers the dtype
print(torch.LongTensor([1, 5]))  # prefer torch.tensor([1, 5], dtype=torch.long)

import torch

x = torch.arange(6).view(2, 3)
p = x.permute(1, 0)  # swap the two dimensions (same as x.T here)
print(p, p.shape)

# Strides: how many elements to skip in memory to move one step along each dim
print(x.stride(), p.stride())
print(x.is_contiguous(), p.is_contiguous())  # p reads x's memory out of order

try:
    p.view(6)  # would merge two dimensions that are not adjacent in memory
except RuntimeError as err:
    print("RuntimeError:", err)
print(p.view(3, 1, 2).shape)  # only inserts a size-1 dimension: fine without a copy

flat = p.reshape(6)  # reshape copies when it has to
print(flat)
print(torch.equal(p.contiguous().view(6), flat))  # or make a contiguous copy first

# permute is most useful with more dimensions, e.g. channels-last to channels-first
images = torch.zeros(8, 28, 28, 3)  # (batch, height, width, channels)
print(images.permute(0, 3, 1, 2).shape)

import torch

a = torch.tensor([1., 2.], requires_grad=True)

# 1. A leaf tensor that requires grad cannot be changed in place
try:
    a.add_(1)
except RuntimeError as err:
    print("RuntimeError:", err)

# 2. Overwriting a value that backward() still needs breaks the graph:
#    exp() saves its output, and add_ then changes that output
b = a.exp()
b.add_(1)
try:
    b.sum().backward()
except RuntimeError as err:
    print("RuntimeError:", str(err).split(":")[0])

# The out-of-place version works
b = a.exp() + 1
b.sum().backward()
print(a.grad)

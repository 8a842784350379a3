import torch

x = torch.zeros(2, 3)
y = torch.tensor([[1., 2., 3.],
                  [4., 5., 6.]])

x.copy_(y)  # copy y's values into x (shapes must be compatible)
x.add_(5)  # add 5 to every element of x, in x's own memory
print(x)

z = torch.tensor([[1., 2., 3.],
                  [4., 5., 6.]])
z.t_()  # transpose in place: z itself is now 3x2
print(z.shape)

w = y.add(5)  # without the underscore: a new tensor, y is untouched
print(torch.equal(w, x), y[0, 0].item())

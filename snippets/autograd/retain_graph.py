import torch

x = torch.tensor(3.0, requires_grad=True)
y = x.exp() * 2  # exp saves its result for the backward pass

y.backward()
print("first backward:", x.grad)
try:
    y.backward()  # the saved values were freed by the first call
except RuntimeError as err:
    print("RuntimeError:", str(err).split(" (")[0])

x.grad = None
y = x.exp() * 2
y.backward(retain_graph=True)  # keep the saved values
y.backward()  # works, and the two gradients add up
print("two backward passes:", x.grad)

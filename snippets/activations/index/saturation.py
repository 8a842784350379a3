import torch

x = torch.tensor([0.0, 2.0, 5.0, 10.0], dtype=torch.float64, requires_grad=True)
torch.sigmoid(x).sum().backward()
print("sigmoid'(x):", x.grad)

x.grad = None
torch.tanh(x).sum().backward()
print("tanh'(x):   ", x.grad)

import torch


def input_gradient(activation, depth, weight=1.0):
    """d h_depth / d x for the chain h_k = activation(weight * h_(k-1)), h_0 = x = 1."""
    x = torch.tensor(1.0, requires_grad=True)
    h = x
    for _ in range(depth):
        h = activation(weight * h)
    h.backward()
    return x.grad.item()


for name, activation, weight in [
    ("sigmoid, w=1", torch.sigmoid, 1.0),
    ("tanh, w=1", torch.tanh, 1.0),
    ("relu, w=1", torch.relu, 1.0),
    ("relu, w=0.5", torch.relu, 0.5),
    ("relu, w=2", torch.relu, 2.0),
]:
    grads = [f"{input_gradient(activation, depth, weight):8.1e}" for depth in (1, 5, 10, 20)]
    print(f"{name:13s}", *grads)

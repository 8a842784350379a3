import torch
from torch import nn


class MLP(nn.Module):
    """A ReLU network with any number of layers, e.g. sizes=[4, 16, 16, 2]."""

    def __init__(self, sizes):
        super().__init__()
        self.layers = nn.ModuleList(
            nn.Linear(n_in, n_out) for n_in, n_out in zip(sizes[:-1], sizes[1:])
        )

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = torch.relu(layer(x))
        return self.layers[-1](x)  # no activation after the last layer


torch.manual_seed(0)
mlp = MLP([4, 16, 16, 2])
print(mlp)
print(mlp(torch.randn(5, 4)).shape)

mlp.layers.append(nn.Linear(2, 2))  # append, extend and insert work like a list
print(len(mlp.layers), sum(p.numel() for p in mlp.parameters()))

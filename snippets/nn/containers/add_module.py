import torch
from torch import nn


class Tower(nn.Module):
    def __init__(self, depth):
        super().__init__()
        for i in range(depth):
            # a name computed at run time; same as setattr(self, f"block{i}", ...)
            self.add_module(f"block{i}", nn.Linear(4, 4))

    def forward(self, x):
        for block in self.children():  # in registration order
            x = block(x)
        return x


torch.manual_seed(0)
tower = Tower(depth=3)
print(tower)
print(tower.block1 is getattr(tower, "block1"))
print(tower(torch.randn(2, 4)).shape)

import torch
from torch import nn


class MultiTaskNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Flatten(), nn.Linear(64, 32), nn.ReLU())
        self.heads = nn.ModuleDict(
            {
                "digit": nn.Linear(32, 10),  # which digit is it?
                "parity": nn.Linear(32, 2),  # is it odd or even?
            }
        )

    def forward(self, x, task):
        return self.heads[task](self.body(x))


torch.manual_seed(0)
net = MultiTaskNet()
x = torch.rand(3, 8, 8)
for task in net.heads:  # keys in insertion order
    print(task, tuple(net(x, task).shape))
print([name for name, _ in net.named_parameters()])

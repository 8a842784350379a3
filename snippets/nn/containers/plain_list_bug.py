import torch
from torch import nn


class ListNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(4, 4) for _ in range(3)]  # BUG: a plain list

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


class ModuleListNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(4, 4) for _ in range(3)])

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


torch.manual_seed(0)
for net in (ListNet(), ModuleListNet()):
    n_params = sum(p.numel() for p in net.parameters())
    print(f"{type(net).__name__:13} output {tuple(net(torch.randn(2, 4)).shape)}, "
          f"{n_params} parameters, {len(net.state_dict())} state_dict entries")

try:
    torch.optim.SGD(ListNet().parameters(), lr=0.1)
except ValueError as err:
    print("ValueError:", err)

import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(256, 4)  # a batch of inputs

for activation in (nn.ReLU(), nn.LeakyReLU()):
    torch.manual_seed(1)
    neuron = nn.Linear(4, 1)
    with torch.no_grad():
        neuron.bias.fill_(-10.0)  # e.g. after one update that was far too large
    out = activation(neuron(x))
    out.mean().backward()
    print(
        f"{type(activation).__name__:9s}",
        f"active on {(neuron(x) > 0).float().mean():.0%} of the batch,",
        f"weight gradient norm {neuron.weight.grad.norm():.4f}",
    )

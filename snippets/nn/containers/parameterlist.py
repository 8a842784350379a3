import torch
from torch import nn


class Mixer(nn.Module):
    def __init__(self, n_inputs, dim):
        super().__init__()
        # one learnable weight vector per input, and named offsets
        self.weights = nn.ParameterList(nn.Parameter(torch.ones(dim)) for _ in range(n_inputs))
        self.offsets = nn.ParameterDict(
            {"low": nn.Parameter(torch.zeros(dim)), "high": nn.Parameter(torch.ones(dim))}
        )

    def forward(self, inputs, level="low"):
        mixed = sum(w * x for w, x in zip(self.weights, inputs))
        return mixed + self.offsets[level]


mixer = Mixer(n_inputs=2, dim=3)
for name, p in mixer.named_parameters():
    print(name, tuple(p.shape))
print(mixer([torch.ones(3), torch.ones(3)], level="high"))

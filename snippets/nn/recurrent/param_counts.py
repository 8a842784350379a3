import torch
from torch import nn

torch.manual_seed(0)

# One weight block per gate: RNN 1, GRU 3, LSTM 4
for cls in (nn.RNN, nn.GRU, nn.LSTM):
    layer = cls(input_size=4, hidden_size=6)
    n_params = sum(p.numel() for p in layer.parameters())
    print(f"{cls.__name__:>4}: weight_ih_l0 {tuple(layer.weight_ih_l0.shape)}, {n_params} parameters")

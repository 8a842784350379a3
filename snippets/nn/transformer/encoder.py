import torch
from torch import nn

torch.manual_seed(0)
layer = nn.TransformerEncoderLayer(d_model=16, nhead=2, dim_feedforward=32, batch_first=True)
encoder = nn.TransformerEncoder(layer, num_layers=3, enable_nested_tensor=False)

x = torch.randn(4, 7, 16)  # (batch, seq_len, d_model)
print("output:", tuple(encoder(x).shape))  # same shape as the input
print("layers:", len(encoder.layers))

# The stack holds deep copies of `layer`: equal starting values, separate parameters
w0, w1 = encoder.layers[0].linear1.weight, encoder.layers[1].linear1.weight
print("same values:", torch.equal(w0, w1), "| same tensor:", w0 is w1)

import torch
from torch import nn

torch.manual_seed(0)
lstm = nn.LSTM(input_size=4, hidden_size=6)
x = torch.randn(5, 4)  # (seq_len, features)

h, c = torch.zeros(6), torch.zeros(6)
for x_t in x:
    # All four gates in one matrix product; rows are stacked in the order i, f, g, o
    gates = x_t @ lstm.weight_ih_l0.T + lstm.bias_ih_l0 + h @ lstm.weight_hh_l0.T + lstm.bias_hh_l0
    i, f, g, o = gates.chunk(4)
    i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
    c = f * c + i * g
    h = o * torch.tanh(c)

output, (h_n, c_n) = lstm(x)
print("same h_n:", torch.allclose(h, h_n[0], atol=1e-6))
print("same c_n:", torch.allclose(c, c_n[0], atol=1e-6))

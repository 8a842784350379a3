import torch
from torch import nn

torch.manual_seed(0)
gru = nn.GRU(input_size=4, hidden_size=6)
x = torch.randn(5, 4)  # (seq_len, features)

h = torch.zeros(6)
for x_t in x:
    # Input and hidden parts stay separate: r multiplies the hidden part only
    gi = x_t @ gru.weight_ih_l0.T + gru.bias_ih_l0  # rows in the order r, z, n
    gh = h @ gru.weight_hh_l0.T + gru.bias_hh_l0
    i_r, i_z, i_n = gi.chunk(3)
    h_r, h_z, h_n_part = gh.chunk(3)
    r = torch.sigmoid(i_r + h_r)
    z = torch.sigmoid(i_z + h_z)
    n = torch.tanh(i_n + r * h_n_part)
    h = (1 - z) * n + z * h

output, h_n = gru(x)
print("same h_n:", torch.allclose(h, h_n[0], atol=1e-6))

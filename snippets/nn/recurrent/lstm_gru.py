import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(3, 5, 4)  # (batch, seq_len, features)

lstm = nn.LSTM(input_size=4, hidden_size=6, num_layers=2, batch_first=True)
output, (h_n, c_n) = lstm(x)  # the state is a pair: hidden state and cell state
print("LSTM output:", tuple(output.shape), "h_n:", tuple(h_n.shape), "c_n:", tuple(c_n.shape))

gru = nn.GRU(input_size=4, hidden_size=6, num_layers=2, batch_first=True)
output, h_n = gru(x)  # like nn.RNN: a single hidden state
print("GRU  output:", tuple(output.shape), "h_n:", tuple(h_n.shape))

# output holds the LAST layer's h_t at every step; h_n holds EVERY layer's final h_t
print("output[:, -1] == h_n[-1]:", torch.equal(output[:, -1], h_n[-1]))

# Initial states have the same shape as h_n (zeros when omitted)
h_0 = torch.zeros(2, 3, 6)
print("explicit zero h_0 gives the same result:", torch.equal(gru(x, h_0)[0], output))

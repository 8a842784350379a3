import torch
from torch import nn

torch.manual_seed(0)
rnn = nn.RNN(input_size=4, hidden_size=6)
x = torch.randn(5, 4)  # an unbatched sequence: (seq_len, features)

h = torch.zeros(6)
outputs = []
for x_t in x:  # one time step at a time, reusing the module's weights
    h = torch.tanh(x_t @ rnn.weight_ih_l0.T + rnn.bias_ih_l0 + h @ rnn.weight_hh_l0.T + rnn.bias_hh_l0)
    outputs.append(h)

output, h_n = rnn(x)
print("same outputs:", torch.allclose(torch.stack(outputs), output, atol=1e-6))
print("same h_n    :", torch.allclose(h, h_n[0], atol=1e-6))

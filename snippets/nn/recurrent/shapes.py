import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, n_features, hidden = 3, 5, 4, 6

# Default layout (batch_first=False): input is (seq_len, batch, features)
rnn = nn.RNN(input_size=n_features, hidden_size=hidden, num_layers=2)
x = torch.randn(seq_len, batch, n_features)
output, h_n = rnn(x)
print("seq-first  input :", tuple(x.shape))
print("           output:", tuple(output.shape))
print("           h_n   :", tuple(h_n.shape))

# batch_first=True: input and output are (batch, seq_len, features) ...
rnn_bf = nn.RNN(input_size=n_features, hidden_size=hidden, num_layers=2, batch_first=True)
x_bf = torch.randn(batch, seq_len, n_features)
output, h_n = rnn_bf(x_bf)
print("batch-first input:", tuple(x_bf.shape))
print("           output:", tuple(output.shape))
print("           h_n   :", tuple(h_n.shape))  # ... but h_n keeps (layers, batch, hidden)

# bidirectional=True doubles the output features and the first dim of h_n
birnn = nn.RNN(n_features, hidden, num_layers=2, batch_first=True, bidirectional=True)
output, h_n = birnn(x_bf)
print("bidirectional out:", tuple(output.shape))
print("           h_n   :", tuple(h_n.shape))

import torch
from torch import nn

torch.manual_seed(0)
batch, seq_len, hidden = 3, 5, 6
lstm = nn.LSTM(input_size=4, hidden_size=hidden, batch_first=True, bidirectional=True)
output, (h_n, c_n) = lstm(torch.randn(batch, seq_len, 4))

# Split the last dimension into (direction, hidden): 0 = forward, 1 = backward
directions = output.view(batch, seq_len, 2, hidden)
forward, backward = directions[:, :, 0], directions[:, :, 1]

# The forward direction finishes at the last step, the backward one at step 0
print("forward  final state is output[:, -1]:", torch.equal(forward[:, -1], h_n[0]))
print("backward final state is output[:, 0] :", torch.equal(backward[:, 0], h_n[1]))

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence, pad_sequence

torch.manual_seed(0)
# Three sequences of different lengths, 2 features per step
sequences = [torch.randn(4, 2), torch.randn(2, 2), torch.randn(3, 2)]
lengths = torch.tensor([len(s) for s in sequences])
padded = pad_sequence(sequences, batch_first=True)  # zero-padded to the longest
print("padded batch:", tuple(padded.shape), "lengths:", lengths.tolist())

gru = nn.GRU(input_size=2, hidden_size=3, batch_first=True)
packed = pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
packed_output, h_n = gru(packed)
output, out_lengths = pad_packed_sequence(packed_output, batch_first=True)
print("output:", tuple(output.shape), "lengths:", out_lengths.tolist())

# h_n is each sequence's state at ITS last real step, not after the padding
last_real = output[torch.arange(3), lengths - 1]
print("h_n == output at last real step:", torch.allclose(h_n[0], last_real))
print("padded steps of output are zero:", bool((output[1, 2:] == 0).all()))

# Without packing, the short sequences run on through the zero padding
_, h_n_padded = gru(padded)
print("unpacked h_n matches for the short ones:", torch.allclose(h_n_padded[0, 1:], last_real[1:]))

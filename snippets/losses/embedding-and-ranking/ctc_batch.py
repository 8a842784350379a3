import torch
from torch import nn

torch.manual_seed(0)
T, N, C = 6, 2, 4  # frames, batch size, classes (class 0 is the blank)
log_probs = torch.randn(T, N, C).log_softmax(dim=2)  # what a network's last layer would give
targets = torch.tensor([[1, 2, 2],
                        [3, 1, 0]])  # padded to S = 3; the trailing 0 is padding
input_lengths = torch.tensor([6, 4])  # sequence 2 only uses its first 4 frames
target_lengths = torch.tensor([3, 2])

per_seq = nn.CTCLoss(reduction="none")(log_probs, targets, input_lengths, target_lengths)
print("none:", per_seq.round(decimals=4))
print("mean:", nn.CTCLoss()(log_probs, targets, input_lengths, target_lengths).round(decimals=4))
print("hand:", (per_seq / target_lengths).mean().round(decimals=4))
print("sum: ", nn.CTCLoss(reduction="sum")(log_probs, targets, input_lengths, target_lengths).round(decimals=4))

# the same targets as one concatenated 1-D tensor
flat = torch.tensor([1, 2, 2, 3, 1])
print(torch.allclose(nn.CTCLoss(reduction="none")(log_probs, flat, input_lengths, target_lengths), per_seq))

# "abb" needs at least 4 frames (a, b, blank, b); with 3 frames there is no alignment
short = torch.tensor([3, 4])
print(nn.CTCLoss(reduction="none")(log_probs, targets, short, target_lengths).round(decimals=4))
print(nn.CTCLoss(reduction="none", zero_infinity=True)(log_probs, targets, short, target_lengths).round(decimals=4))

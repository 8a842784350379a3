import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader

torch.manual_seed(0)

# Variable-length samples: (token ids, label). default_collate cannot stack these.
lengths = [3, 5, 2, 4, 1, 3]
samples = [(torch.randint(1, 10, (n,)), i % 2) for i, n in enumerate(lengths)]


def pad_collate(batch):
    """Pad a list of (sequence, label) pairs into one tensor; keep the true lengths."""
    sequences, labels = zip(*batch)
    padded = pad_sequence(sequences, batch_first=True, padding_value=0)  # (batch, longest)
    return padded, torch.tensor([len(s) for s in sequences]), torch.tensor(labels)


try:
    next(iter(DataLoader(samples, batch_size=3)))
except RuntimeError as err:
    print("default_collate:", str(err).split(",")[0])

for padded, seq_lengths, labels in DataLoader(samples, batch_size=3, collate_fn=pad_collate):
    print(padded, seq_lengths.tolist(), labels.tolist())

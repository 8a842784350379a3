import torch
from torch.nn.utils.rnn import pad_sequence
from torch.utils.data import DataLoader, Sampler

torch.manual_seed(0)

lengths = torch.randint(2, 30, (40,)).tolist()  # 40 sequences of 2..29 tokens
sequences = [torch.ones(n, dtype=torch.long) for n in lengths]


class TokenBudgetBatchSampler(Sampler):
    """Yield lists of indices whose padded size (count x longest) stays within max_tokens."""

    def __init__(self, lengths, max_tokens, generator=None):
        order = sorted(range(len(lengths)), key=lambda i: lengths[i])  # similar lengths together
        self.batches, batch, longest = [], [], 0
        for i in order:
            if batch and max(longest, lengths[i]) * (len(batch) + 1) > max_tokens:
                self.batches.append(batch)
                batch, longest = [], 0
            batch.append(i)
            longest = max(longest, lengths[i])
        self.batches.append(batch)
        self.generator = generator

    def __iter__(self):  # batches in a random order, each epoch
        for j in torch.randperm(len(self.batches), generator=self.generator).tolist():
            yield self.batches[j]

    def __len__(self):
        return len(self.batches)


def pad(batch):
    return pad_sequence(batch, batch_first=True)


sampler = TokenBudgetBatchSampler(lengths, max_tokens=64, generator=torch.Generator().manual_seed(0))
shapes = [tuple(batch.shape) for batch in DataLoader(sequences, batch_sampler=sampler, collate_fn=pad)]
print(len(shapes), "batches:", shapes[:6], "...")
print("largest padded batch:", max(b * t for b, t in shapes), "tokens")

fixed = [tuple(batch.shape) for batch in DataLoader(sequences, batch_size=4, collate_fn=pad)]


def padding(shapes):
    return sum(b * t for b, t in shapes) - sum(lengths)


print("padding tokens: fixed batches of 4:", padding(fixed), "| token budget:", padding(shapes))

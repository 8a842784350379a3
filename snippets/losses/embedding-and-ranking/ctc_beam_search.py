from collections import defaultdict

import torch
from torch import nn

SYMBOLS = "-ab"  # index 0 is the blank
probs = torch.tensor([[0.5, 0.4, 0.1],  # one row per frame: p(blank), p(a), p(b)
                      [0.5, 0.4, 0.1],
                      [0.6, 0.1, 0.3]], dtype=torch.float64)


def greedy(probs):
    best = probs.argmax(dim=1).tolist()
    merged = [s for i, s in enumerate(best) if i == 0 or s != best[i - 1]]
    return tuple(s for s in merged if s != 0)


def prefix_beam_search(probs, beam=3):
    """Keep the `beam` most likely label prefixes; each carries two probabilities:
    of the paths ending in a blank, and of those ending in its last label."""
    beams = {(): (1.0, 0.0)}
    for p in probs.tolist():
        grown = defaultdict(lambda: [0.0, 0.0])
        for prefix, (p_blank, p_label) in beams.items():
            grown[prefix][0] += (p_blank + p_label) * p[0]  # a blank: the prefix does not change
            for s in range(1, len(p)):
                if prefix and prefix[-1] == s:
                    grown[prefix][1] += p_label * p[s]  # a repeat merges into the last label
                    grown[prefix + (s,)][1] += p_blank * p[s]  # after a blank it is a new label
                else:
                    grown[prefix + (s,)][1] += (p_blank + p_label) * p[s]
        beams = dict(sorted(grown.items(), key=lambda kv: -sum(kv[1]))[:beam])
    return {prefix: sum(pair) for prefix, pair in beams.items()}


def ctc_probability(labels):
    """p(labels | x) from nn.CTCLoss: the sum over all alignments."""
    loss = nn.CTCLoss(reduction="sum")(probs.log().unsqueeze(1), torch.tensor([labels], dtype=torch.long),
                                      torch.tensor([len(probs)]), torch.tensor([len(labels)]))
    return torch.exp(-loss).item()


def name(labels):
    return "".join(SYMBOLS[s] for s in labels) or "(empty)"


g = greedy(probs)
print("greedy:", name(g), f" p = {ctc_probability(g):.3f}")
for labels, p in prefix_beam_search(probs).items():
    print(f"beam:   {name(labels):8} p = {p:.3f}  CTCLoss: {ctc_probability(labels):.3f}")

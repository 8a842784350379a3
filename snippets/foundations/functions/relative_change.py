import torch

pairs = {"share A, 1 -> 1.10": (1.0, 1.1), "share B, 100 -> 110": (100.0, 110.0),
         "share A, 1 -> 2": (1.0, 2.0), "share B, 100 -> 101": (100.0, 101.0)}
for name, (before, after) in pairs.items():
    before, after = torch.tensor(before, dtype=torch.float64), torch.tensor(after, dtype=torch.float64)
    print(f"{name:20s} change {after - before:6.2f}   relative {after / before - 1:5.0%}   "
          f"log10 change {torch.log10(after) - torch.log10(before):.4f}")

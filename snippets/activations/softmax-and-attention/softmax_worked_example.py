import torch

scores = torch.tensor([1.0, 7.0, 2.0])

by_hand = torch.exp(scores) / torch.exp(scores).sum()
probs = torch.softmax(scores, dim=0)
hardmax = torch.nn.functional.one_hot(scores.argmax(), num_classes=3)

print("softmax:", probs.round(decimals=4))
print("by hand equal:", torch.allclose(by_hand, probs))
print(f"sum: {probs.sum().item():.4f}")
print("hardmax:", hardmax)

for T in (0.5, 1.0, 2.0, 5.0):
    print(f"T={T}:", torch.softmax(scores / T, dim=0).round(decimals=4))

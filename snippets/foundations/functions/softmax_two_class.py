import torch

torch.manual_seed(0)
z = torch.randn(5, 2)                     # 5 samples, 2 logits each

two_class = torch.softmax(z, dim=1)[:, 0]
print("softmax(z1, z2)[0]:", two_class.round(decimals=4))
print("sigmoid(z1 - z2):  ", torch.sigmoid(z[:, 0] - z[:, 1]).round(decimals=4))

x = z[:, 0]
with_zero = torch.stack([x, torch.zeros(5)], dim=1)   # logits (x, 0)
print("sigmoid(x) = softmax(x, 0)[0]:", torch.allclose(torch.sigmoid(x), torch.softmax(with_zero, dim=1)[:, 0]))
print("shift invariant:", torch.allclose(torch.softmax(z + 100, dim=1), torch.softmax(z, dim=1)))

scores = torch.tensor([3.0, 1.0, 0.2])
probs = torch.softmax(scores, dim=0)
print("softmax([3.0, 1.0, 0.2]):", probs.round(decimals=4))
print("log(p0 / p1):", torch.log(probs[0] / probs[1]).round(decimals=4), " z0 - z1:", scores[0] - scores[1])

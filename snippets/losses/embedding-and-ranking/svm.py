import torch

torch.manual_seed(0)
# Six points in 2-D with labels +1 and -1 (a straight line can separate them)
X = torch.tensor([[1.0, 2.0], [2.0, 3.0], [3.0, 3.5], [2.0, 0.5], [3.0, 1.0], [4.0, 2.0]])
y = torch.tensor([1.0, 1.0, 1.0, -1.0, -1.0, -1.0])

w = torch.zeros(2, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lam = 0.01  # weight of the ||w||^2 penalty
for step in range(500):
    z = y * (X @ w + b)  # signed margins y * f(x)
    loss = torch.clamp(1 - z, min=0).mean() + lam * w.dot(w)  # hinge + penalty
    loss.backward()
    lr = 0.5 / (step + 1) ** 0.5  # a shrinking step: the hinge has kinks
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad, b.grad = None, None

with torch.no_grad():
    f = X @ w + b
print("w:", w.detach().round(decimals=2), " b:", b.detach().round(decimals=2))
print("y * f(x):", (y * f).round(decimals=2))
print("margin width 2/||w||:", round(2 / w.norm().item(), 2))

# The same hinge loss from a torch module: MarginRankingLoss(margin=1) against a score of 0
hinge = torch.nn.MarginRankingLoss(margin=1.0)(f, torch.zeros(6), y)
print(torch.allclose(hinge, torch.clamp(1 - y * f, min=0).mean()))

import torch

torch.manual_seed(0)
x = torch.linspace(-1, 1, 30)
y = 0.5 + 2.0 * x + 0.1 * torch.randn(30)  # a line with a little noise


def epsilon_insensitive(pred, target, epsilon):
    return ((pred - target).abs() - epsilon).clamp(min=0).mean()  # zero inside the tube


w = torch.zeros(1, requires_grad=True)
b = torch.zeros(1, requires_grad=True)
lam, epsilon = 0.01, 0.1
for step in range(1000):
    loss = lam * (w**2).sum() + epsilon_insensitive(w * x + b, y, epsilon)
    loss.backward()
    with torch.no_grad():
        for p in (w, b):
            p -= 0.5 / (1 + step / 100) * p.grad  # a decaying step settles the kinks
            p.grad = None

outside = ((w * x + b - y).abs() > epsilon + 1e-3).sum().item()
print(f"w = {w.item():.2f}, b = {b.item():.2f}")
print(f"{outside} of 30 points lie outside the tube of width ±{epsilon}")

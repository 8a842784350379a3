import torch
from sklearn.datasets import load_diabetes

torch.manual_seed(0)

# 442 patients, 10 measurements each (age, BMI, blood pressure, ...); the target is a
# measure of disease progression one year later. Standardise everything to mean 0, std 1.
features, target = load_diabetes(return_X_y=True)
X = torch.tensor(features, dtype=torch.float32)
y = torch.tensor(target, dtype=torch.float32)
X = (X - X.mean(dim=0)) / X.std(dim=0, correction=0)
y = (y - y.mean()) / y.std(correction=0)
N = len(y)
print("X:", tuple(X.shape), " y:", tuple(y.shape))


def mse(w, b, X, y):
    """Mean squared error of the linear model X @ w + b."""
    return ((X @ w + b - y) ** 2).mean()


def gradients(w, b, X, y):
    """Gradient of mse with respect to w and b, worked out by hand."""
    r = X @ w + b - y  # residuals, one per example
    return 2 * X.T @ r / len(y), 2 * r.mean()


# Check the hand-written gradient against autograd at a random point.
w = torch.randn(10, requires_grad=True)
b = torch.randn((), requires_grad=True)
mse(w, b, X, y).backward()
grad_w, grad_b = gradients(w.detach(), b.detach(), X, y)
print("hand gradient == autograd:", torch.allclose(grad_w, w.grad) and torch.allclose(grad_b, b.grad))

# The best any (w, b) can do: the least-squares solution.
ones = torch.ones(N, 1)
solution = torch.linalg.lstsq(torch.cat([X, ones], dim=1), y.unsqueeze(1)).solution.squeeze(1)
best = mse(solution[:10], solution[10], X, y).item()
print(f"loss at w = 0, b = 0: {mse(torch.zeros(10), 0.0, X, y).item():.4f}")
print(f"lowest possible loss: {best:.4f}")

import torch
import torch.nn.functional as F
from torch.distributions import Bernoulli

tosses = torch.tensor([1.0, 1.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0, 0.0, 1.0])   # 7 heads in 10

for p in (0.5, 0.7, 0.9):
    likelihood = p ** 7 * (1 - p) ** 3
    log_lik = Bernoulli(probs=torch.tensor(p)).log_prob(tosses).sum()
    print(f"p = {p}: likelihood {likelihood:.6f}, log-likelihood {log_lik:.4f}, NLL {-log_lik:.4f}")

grid = torch.linspace(0.01, 0.99, 99)
nll = -Bernoulli(probs=grid[:, None]).log_prob(tosses).sum(dim=1)
print(f"grid search, smallest NLL at p = {grid[nll.argmin()]:.2f}")

# gradient descent on the mean NLL, with p = sigmoid(z) so that p stays in (0, 1)
z = torch.tensor(0.0, requires_grad=True)
for _ in range(200):
    loss = F.binary_cross_entropy_with_logits(z.expand(10), tosses)   # = mean NLL
    (grad,) = torch.autograd.grad(loss, z)
    with torch.no_grad():
        z -= 1.0 * grad
print(f"gradient descent: p = sigmoid(z) = {torch.sigmoid(z):.4f}")

import torch

# Minimise L(theta) = (theta - 3)^2. Its gradient is 2 (theta - 3), so the minimum is at 3.
lr = 0.1

theta = torch.tensor(0.0, requires_grad=True)
for step in range(1, 6):
    loss = (theta - 3) ** 2
    loss.backward()  # theta.grad = dL/dtheta
    with torch.no_grad():
        theta -= lr * theta.grad  # the update rule
    theta.grad = None  # forget this gradient before the next backward()
    print(f"step {step}: loss {loss.item():.4f} -> theta {theta.item():.4f}")

# torch.optim.SGD applies exactly the same rule.
theta = torch.tensor(0.0, requires_grad=True)
optimizer = torch.optim.SGD([theta], lr=lr)
path = []
for step in range(5):
    optimizer.zero_grad()
    ((theta - 3) ** 2).backward()
    optimizer.step()
    path.append(round(theta.item(), 4))
print("torch.optim.SGD:", path)

import torch

# An elongated bowl: 25 times steeper along y than along x. Minimum at (0, 0).
curvature = torch.tensor([1.0, 25.0])


def f(p):
    return 0.5 * (curvature * p**2).sum()


for name, kwargs in [
    ("plain", dict()),
    ("momentum", dict(momentum=0.8)),
    ("nesterov", dict(momentum=0.8, nesterov=True)),
]:
    p = torch.tensor([-4.0, 1.0], requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=0.03, **kwargs)
    distances = []
    for step in range(1, 61):
        optimizer.zero_grad()
        f(p).backward()
        optimizer.step()
        if step % 15 == 0:
            distances.append(f"{p.detach().norm().item():.4f}")
    print(f"{name:9} distance to the minimum after 15/30/45/60 steps:", " ".join(distances))

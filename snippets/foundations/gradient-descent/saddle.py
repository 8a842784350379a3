import torch


def f(p):
    return p[0] ** 2 - p[1] ** 2  # a saddle at (0, 0)


origin = torch.zeros(2, requires_grad=True)
f(origin).backward()
print("gradient at (0, 0):", origin.grad)
curvatures = torch.linalg.eigvalsh(torch.autograd.functional.hessian(f, torch.zeros(2)))
print("curvatures there:", curvatures)  # one up, one down: a saddle, not a minimum


def descend(start, momentum=0.0, lr=0.1, steps=100):
    """Run torch.optim.SGD from `start`; return the step at which |y| first exceeds 1, or the end point."""
    p = torch.tensor(start, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=lr, momentum=momentum)
    for step in range(1, steps + 1):
        optimizer.zero_grad()
        f(p).backward()
        optimizer.step()
        if p[1].abs() > 1:
            return f"escapes after {step} steps"
    return f"still at ({p[0]:.4f}, {p[1]:.4f}) after {steps} steps"


for start in ([1.0, 0.0], [1.0, 1e-3], [1.0, 1e-6]):
    print(f"start {start}: {descend(start)}")
print(f"start [1.0, 1e-06], momentum 0.9: {descend([1.0, 1e-6], momentum=0.9)}")

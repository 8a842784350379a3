import torch


def steps_after_a_spike(name):
    """Step sizes under a gradient of 1, with a single spike of 10 at step 100."""
    p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = getattr(torch.optim, name)([p])
    sizes = []
    for t in range(400):
        before = p.item()
        p.grad = torch.tensor([10.0 if t == 100 else 1.0], dtype=torch.float64)
        optimizer.step()
        sizes.append(before - p.item())
    return sizes


print("steps after the spike, as a fraction of the step before it")
print("        +1    +20   +100  +200  +299")
for name in ("Adamax", "Adam"):
    sizes = steps_after_a_spike(name)
    print(f"{name:6}  " + "  ".join(f"{sizes[100 + k] / sizes[99]:.2f}" for k in (1, 20, 100, 200, 299)))

emb = torch.nn.Embedding(10, 3, sparse=True)
emb(torch.tensor([1])).sum().backward()
try:
    torch.optim.Adamax(emb.parameters()).step()
except RuntimeError as error:
    print(error)

import torch


def step_sizes(gradient, steps=4):
    p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.Adam([p])  # lr=0.001, betas=(0.9, 0.999)
    sizes = []
    for _ in range(steps):
        before = p.item()
        p.grad = torch.tensor([gradient], dtype=torch.float64)  # the same gradient every step
        optimizer.step()
        sizes.append(round(before - p.item(), 6))
    return sizes, optimizer.state[p]


for gradient in (0.001, 1.0, 1000.0):
    sizes, state = step_sizes(gradient)
    print(f"gradient {gradient:>6}: steps {sizes}")
print("state per parameter:", list(state))

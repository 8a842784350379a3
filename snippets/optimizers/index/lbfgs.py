import torch

p = torch.tensor([-1.2, 1.0], dtype=torch.float64, requires_grad=True)
optimizer = torch.optim.LBFGS([p], line_search_fn="strong_wolfe")  # max_iter=20 per step


def rosenbrock(p):
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def closure():  # LBFGS calls this as often as it needs: loss and gradient at the current p
    optimizer.zero_grad()
    loss = rosenbrock(p)
    loss.backward()
    return loss


for call in range(1, 4):
    optimizer.step(closure)
    state = optimizer.state[p]
    print(f"after step() call {call}: {state['n_iter']} iterations and {state['func_evals']} evaluations in all, "
          f"loss {rosenbrock(p).item():.2e}")
print(p.detach())

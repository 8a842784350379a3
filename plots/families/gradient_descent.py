"""Figures for the gradient-descent page: the three batch-size variants, the
learning-rate threshold, momentum paths on an elongated bowl, and paths near a saddle point.

The data functions get their gradients from autograd. `descent_data` applies the
plain update `p -= lr * p.grad` itself (what `torch.optim.SGD(lr=lr)` does, at a
fraction of the per-step overhead, which matters for 4,420 single-example
steps); `path_data` uses `torch.optim.SGD` with momentum. The tests in
`tests/test_foundations_gradient_descent.py` compare both with `torch.optim.SGD`
and with the page's hand-written code. The draw functions only plot.
"""

from __future__ import annotations

from contextlib import contextmanager

from plots import style
from plots.figure import Figure

# (label, batch size or None for all N examples, learning rate), as on the page.
VARIANTS = (
    ("batch (N = 442)", None, 0.1),
    ("mini-batch (32)", 32, 0.05),
    ("stochastic (1)", 1, 0.01),
)
VARIANT_EPOCHS = 10
LEARNING_RATES = (0.01, 0.1, 0.24, 0.26)
LR_EPOCHS = 30

# The bowl f(x, y) = (a x^2 + b y^2) / 2 with a = 1, b = 25, and the settings of its figure.
CURVATURES = (1.0, 25.0)
START = (-4.0, 1.0)
PATH_LR = 0.03
PATH_MOMENTUM = 0.8
PATH_STEPS = 30
PATHS = (("plain", 0.0, False), ("momentum 0.8", PATH_MOMENTUM, False), ("Nesterov 0.8", PATH_MOMENTUM, True))


# The saddle f(x, y) = x^2 - y^2 = (2 x^2 - 2 y^2) / 2: the bowl's formula with curvatures (2, -2).
SADDLE_CURVATURES = (2.0, -2.0)
SADDLE_LR = 0.1
SADDLE_STEPS = 50
SADDLE_PATHS = (("plain, from (1.5, 0)", (1.5, 0.0), 0.0), ("plain, from (1.5, 0.001)", (1.5, 0.001), 0.0),
                ("momentum 0.9, from (1.5, 0.001)", (1.5, 0.001), 0.9))


@contextmanager
def _one_thread():
    """Thousands of steps on tiny tensors: a second intra-op thread only adds waiting."""
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def diabetes():
    """scikit-learn's diabetes data as float32 tensors, features and target standardised
    (mean 0, population standard deviation 1)."""
    import torch
    from sklearn.datasets import load_diabetes

    features, target = load_diabetes(return_X_y=True)
    X = torch.tensor(features, dtype=torch.float32)
    y = torch.tensor(target, dtype=torch.float32)
    X = (X - X.mean(dim=0)) / X.std(dim=0, correction=0)
    y = (y - y.mean()) / y.std(correction=0)
    return X, y


def descent_data(batch_size, lr: float, epochs: int, seed: int = 0):
    """Linear regression on the diabetes data by gradient descent with learning rate `lr`.

    `w` (10 weights) and `b` start at zero; every epoch visits the examples in the
    order `torch.randperm(N, generator=torch.Generator().manual_seed(seed))` draws
    (one permutation per epoch) in batches of `batch_size` (None: all N, no
    shuffling). Returns `(epoch, loss)` lists: the mean squared error on all N
    examples before training and after every update, at its fractional epoch.
    """
    import torch

    X, y = diabetes()
    n = len(y)
    w = torch.zeros(10, requires_grad=True)
    b = torch.zeros((), requires_grad=True)
    generator = torch.Generator().manual_seed(seed)

    def full_loss():
        with torch.no_grad():
            return ((X @ w + b - y) ** 2).mean().item()

    size = batch_size or n
    updates = -(-n // size)
    epochs_axis, losses = [0.0], [full_loss()]
    with _one_thread():
        for epoch in range(epochs):
            order = torch.randperm(n, generator=generator) if batch_size else torch.arange(n)
            for k in range(updates):
                batch = order[k * size : (k + 1) * size]
                w.grad, b.grad = None, None
                ((X[batch] @ w + b - y[batch]) ** 2).mean().backward()
                with torch.no_grad():
                    w -= lr * w.grad
                    b -= lr * b.grad
                epochs_axis.append(epoch + (k + 1) / updates)
                losses.append(full_loss())
    return epochs_axis, losses


def draw_variants(epochs: int = VARIANT_EPOCHS):
    """Full-data loss against epochs for batch, mini-batch and stochastic descent."""
    fig, ax = style.new_figure(width=6.4, height=3.6)
    for colour, (label, batch_size, lr) in zip(style.VARIANTS, VARIANTS):
        x, loss = descent_data(batch_size, lr, epochs)
        keep = max(1, (len(x) - 1) // (epochs * 25))  # about 25 points per epoch are enough to see the noise
        x, loss = x[::keep], loss[::keep]
        marker = "o" if batch_size is None else None
        ax.plot(x, loss, color=colour, marker=marker, markersize=3.5, linewidth=1.4, label=f"{label}, lr={lr}")
    ax.set_ylim(0.45, 1.02)
    ax.set_xlabel("epochs (passes over the 442 examples)")
    ax.set_ylabel("MSE on all examples")
    ax.set_title("Linear regression on the diabetes data")
    ax.legend(loc="upper right", fontsize=8)
    return fig


def learning_rate_data(lr: float, epochs: int = LR_EPOCHS):
    """Full-data loss of batch gradient descent before training and after each epoch."""
    _, losses = descent_data(None, lr, epochs)
    return losses


def draw_learning_rates(lrs: tuple = LEARNING_RATES, epochs: int = LR_EPOCHS):
    """Loss per epoch (log scale) of batch gradient descent for several learning rates."""
    fig, ax = style.new_figure(width=6.4, height=3.6)
    for colour, lr in zip(style.VARIANTS, lrs):
        losses = learning_rate_data(lr, epochs)
        ax.plot(range(len(losses)), losses, color=colour, linewidth=1.6, label=f"lr = {lr}")
    ax.set_yscale("log")
    ax.set_xlabel("epoch")
    ax.set_ylabel("MSE on all examples (log scale)")
    ax.set_title("Batch gradient descent: the learning rate decides")
    ax.legend(loc="upper left", fontsize=8)
    return fig


def path_data(momentum: float = 0.0, nesterov: bool = False, lr: float = PATH_LR, steps: int = PATH_STEPS,
              start: tuple = START, curvatures: tuple = CURVATURES):
    """Return the points `[(x, y), ...]` that `torch.optim.SGD(lr, momentum, nesterov)`
    visits on f(x, y) = (a x^2 + b y^2) / 2 with `(a, b) = curvatures`, starting at `start`
    (float64; `steps + 1` points including the start)."""
    import torch

    a = torch.tensor(curvatures, dtype=torch.float64)
    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=lr, momentum=momentum, nesterov=nesterov)
    points = [tuple(p.tolist())]
    for _ in range(steps):
        optimizer.zero_grad()
        (0.5 * (a * p * p).sum()).backward()
        optimizer.step()
        points.append(tuple(p.tolist()))
    return points


def draw_momentum_paths(lr: float = PATH_LR, steps: int = PATH_STEPS):
    """Contours of the bowl and the path of each optimizer setting."""
    import torch

    fig, ax = style.new_figure(width=7.2, height=3.4)
    # Contour lines f = c are ellipses with half-axes sqrt(2c / a) and sqrt(2c / b).
    t = torch.linspace(0, 2 * torch.pi, 49, dtype=torch.float64)
    for c in (0.5, 2.0, 5.0, 10.0, 20.0):
        ax.plot((2 * c / CURVATURES[0]) ** 0.5 * torch.cos(t), (2 * c / CURVATURES[1]) ** 0.5 * torch.sin(t),
                color="#b0b0b0", linewidth=0.7)
    for colour, (label, momentum, nesterov) in zip(style.VARIANTS, PATHS):
        points = path_data(momentum, nesterov, lr, steps)
        px, py = zip(*points)
        ax.plot(px, py, color=colour, marker="o", markersize=2.5, linewidth=1.2, label=label)
    ax.plot([0], [0], marker="*", color="#202020", markersize=10, linestyle="none")
    ax.plot([START[0]], [START[1]], marker="s", color="#202020", markersize=5, linestyle="none")
    ax.set_xlim(-4.6, 1.6)
    ax.set_ylim(-1.6, 1.6)
    ax.set_aspect("equal")
    ax.grid(False)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(f"f(x, y) = (x² + 25 y²) / 2, lr = {lr}, {steps} steps")
    ax.legend(loc="lower right", fontsize=8)
    return fig


def saddle_data(lr: float = SADDLE_LR, steps: int = SADDLE_STEPS):
    """`[(label, points), ...]`: the path `torch.optim.SGD` takes on x^2 - y^2 from each start of `SADDLE_PATHS`."""
    return [(label, path_data(momentum, False, lr, steps, start, SADDLE_CURVATURES))
            for label, start, momentum in SADDLE_PATHS]


def draw_saddle(lr: float = SADDLE_LR, steps: int = SADDLE_STEPS):
    """Level curves of x^2 - y^2 and gradient-descent paths that start near the saddle's attracting axis."""
    import torch

    fig, ax = style.new_figure(width=5.2, height=4.2)
    t = torch.linspace(-1.5, 1.5, 21, dtype=torch.float64)
    for c in (0.5, 2.0):  # x^2 - y^2 = ±c are hyperbolas: (±√c cosh t, √c sinh t) and the same turned
        for sign in (1, -1):
            ax.plot(sign * c**0.5 * torch.cosh(t), c**0.5 * torch.sinh(t), color="#b0b0b0", linewidth=0.7)
            ax.plot(c**0.5 * torch.sinh(t), sign * c**0.5 * torch.cosh(t), color="#b0b0b0", linewidth=0.7, linestyle="--")
    for colour, width, (label, points) in zip(style.VARIANTS, (5.0, 1.2, 1.2), saddle_data(lr, steps)):
        out = next((i for i, (x, y) in enumerate(points) if max(abs(x), abs(y)) > 2), len(points) - 1)
        px, py = zip(*points[: out + 1])  # up to the first point outside the view
        # the first path is a wide pale band, so the path drawn over it stays visible
        ax.plot(px, py, color=colour, linewidth=width, alpha=0.45 if width > 2 else 1.0, solid_capstyle="round",
                marker=None if width > 2 else "o", markersize=2.2, label=label)
    ax.plot([0], [0], marker="x", color="#202020", markersize=8, linestyle="none")
    ax.set_xlim(-2, 2)
    ax.set_ylim(-2, 2)
    ax.set_aspect("equal")
    ax.grid(False)
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title(f"f(x, y) = x² − y², lr = {lr}, {steps} steps")
    ax.legend(loc="lower left", fontsize=7)
    return fig


FIGURES = [
    Figure("gradient_descent/variants", draw_variants, {"epochs": VARIANT_EPOCHS}),
    Figure("gradient_descent/learning-rates", draw_learning_rates, {"lrs": LEARNING_RATES, "epochs": LR_EPOCHS}),
    Figure("gradient_descent/momentum-paths", draw_momentum_paths, {"lr": PATH_LR, "steps": PATH_STEPS}),
    Figure("gradient_descent/saddle", draw_saddle, {"lr": SADDLE_LR, "steps": SADDLE_STEPS}),
]

"""One figure per optimizer of `torch.optim`, from its own live steps.

Twelve optimizers run on a 2-D test function: `paths_data` steps the real
optimizers, each on its own point (float64), and records the point and the loss
before every step. `draw_paths` is the one drawing of the family: the paths over a
few contour lines of the function, and the loss against the step. ASGD adds
its averaged iterate (`asgd_data`), LBFGS counts the closure's evaluations
(`lbfgs_data`).

The three that do not fit a 2-D point get a problem of their own, drawn with
the same loss panel: SparseAdam on an embedding table whose rows are looked up
unevenly (`sparse_adam_data`), Muon against AdamW on a small least-squares
matrix problem (`matrix_data`), Adafactor's factored second moment next to the
full one on a matrix (`adafactor_data`).
"""

from __future__ import annotations

from plots import style
from plots.figure import Figure

# The test functions: f, the plotted window (x0, x1, y0, y1), the start, the minimum,
# and the contour levels (few: every contour line adds to the SVG).
PROBLEMS = {
    "rosenbrock": ("(1 - x)² + 100 (y - x²)²", (-2.0, 2.0, -1.0, 3.0), (-1.2, 1.0), (1.0, 1.0), (0.3, 3, 30, 300)),
    "quadratic": ("(x² + 25 y²) / 2", (-4.5, 1.5, -1.5, 1.5), (-4.0, 1.0), (0.0, 0.0), (0.5, 3, 10, 25)),
    "beale": ("Beale", (-1.0, 4.5, -1.5, 2.0), (1.0, 1.5), (3.0, 0.5), (0.3, 3, 30, 300)),
}
PATH_POINTS = 45  # points drawn per path and per loss curve, whatever the number of steps


def f(problem: str, x, y):
    """The test function `problem` at (x, y); works on floats and tensors."""
    if problem == "rosenbrock":
        return (1 - x) ** 2 + 100 * (y - x**2) ** 2
    if problem == "quadratic":
        return (x**2 + 25 * y**2) / 2
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y**2) ** 2 + (2.625 - x + x * y**3) ** 2


def paths_data(runs: tuple, problem: str = "rosenbrock", steps: int = 200) -> list:
    """Step `torch.optim.<name>` with `**dict(kwargs)` for each `(name, kwargs)` of `runs`,
    each on its own point on the test function `problem`.

    Returns one `(xs, ys, losses)` per run, lists of `steps + 1` floats: the point and
    its loss before each step, and after the last one. The runs share one backward
    pass (the loss is the sum of theirs, so each point gets its own gradient) and,
    per optimizer class, one optimizer with a parameter group per run: the same
    steps as separate optimizers, at a fraction of the overhead.
    """
    import torch

    points = [torch.tensor(PROBLEMS[problem][2], dtype=torch.float64, requires_grad=True) for _ in runs]
    groups = {}
    for p, (name, kwargs) in zip(points, runs):
        groups.setdefault(name, []).append({"params": [p], **dict(kwargs)})
    optimizers = [getattr(torch.optim, name)(param_groups) for name, param_groups in groups.items()]
    history = [torch.stack(points).detach()]  # (runs, 2) per step
    for _ in range(steps):
        for optimizer in optimizers:
            optimizer.zero_grad()
        sum(f(problem, *p.unbind()) for p in points).backward()
        for optimizer in optimizers:
            optimizer.step()
        history.append(torch.stack(points).detach())
    return [_columns(problem, visited) for visited in torch.stack(history).unbind(1)]


def path_data(name: str, kwargs: tuple = (), problem: str = "rosenbrock", steps: int = 200):
    """`paths_data` for a single run: `(xs, ys, losses)`."""
    return paths_data(((name, kwargs),), problem, steps)[0]


def _columns(problem: str, points) -> tuple:
    """`(xs, ys, losses)` of an (n, 2) tensor of points, the losses computed in one call."""
    xs, ys = points.unbind(1)
    return xs.tolist(), ys.tolist(), f(problem, xs, ys).tolist()


def asgd_data(kwargs: tuple = (), problem: str = "quadratic", steps: int = 300, noise: float = 2.0, seed: int = 0):
    """ASGD with noisy gradients: the true gradient plus `noise` times a standard normal draw
    (a `torch.Generator` seeded with `seed`).

    Returns `(raw, average)`, each `(xs, ys, losses)` of `steps + 1` points: the iterate
    `p` and the average `optimizer.state[p]["ax"]` (the start before the first step).
    """
    import torch

    generator = torch.Generator().manual_seed(seed)
    p = torch.tensor(PROBLEMS[problem][2], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.ASGD([p], **dict(kwargs))
    points, averages = [p.detach().clone()], [p.detach().clone()]
    for _ in range(steps):
        optimizer.zero_grad()
        f(problem, *p.unbind()).backward()
        p.grad += noise * torch.randn(2, generator=generator, dtype=torch.float64)
        optimizer.step()
        points.append(p.detach().clone())
        averages.append(optimizer.state[p]["ax"].clone())
    return _columns(problem, torch.stack(points)), _columns(problem, torch.stack(averages))


def lbfgs_data(kwargs: tuple = (), problem: str = "rosenbrock", calls: int = 4):
    """Call `LBFGS.step(closure)` `calls` times; record every evaluation of the closure.

    Returns `(xs, ys, losses, ends)`: the point and loss of each evaluation, in order, and
    `ends[k]`, the number of evaluations made by the end of call k + 1.
    """
    import torch

    p = torch.tensor(PROBLEMS[problem][2], dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.LBFGS([p], **dict(kwargs))
    xs, ys, losses, ends = [], [], [], []

    def closure():
        optimizer.zero_grad()
        loss = f(problem, p[0], p[1])
        loss.backward()
        xs.append(p[0].item())
        ys.append(p[1].item())
        losses.append(loss.item())
        return loss

    for _ in range(calls):
        optimizer.step(closure)
        ends.append(len(losses))
    return xs, ys, losses, ends


def _thin(count: int, points: int = PATH_POINTS) -> list:
    """Indices of every k-th of `count` values, k the largest that keeps at least `points`
    of them, and of the last: each vertex costs bytes in the SVG."""
    index = list(range(0, count, max(1, (count - 1) // points)))
    return index if index[-1] == count - 1 else index + [count - 1]


def loss_panel(ax, runs, xlabel: str = "step") -> None:
    """The loss of each run `(label, steps, losses)` against the step, on a log scale."""
    import matplotlib.ticker

    for colour, (label, steps, losses) in zip(style.VARIANTS, runs):
        index = _thin(len(losses))
        ax.plot([steps[i] for i in index], [max(losses[i], 1e-16) for i in index], color=colour, linewidth=1.4, label=label)
    ax.locator_params(axis="x", nbins=4)
    low = min(min(losses) for _, _, losses in runs)
    if max(max(losses) for _, _, losses in runs) < 30 * max(low, 1e-16):
        ax.set_ylim(bottom=0)  # a narrow range reads better on a linear scale
        ax.set_ylabel("loss")
        ax.set_xlabel(xlabel)
        return
    ax.set_yscale("log")
    ax.minorticks_off()
    ax.yaxis.set_major_locator(matplotlib.ticker.LogLocator(numticks=5))  # few ticks: each one costs bytes
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:.0e}"))  # plain text: mathtext is slow
    ax.set_xlabel(xlabel)
    ax.set_ylabel("loss")


def draw_paths(problem: str, runs, title: str, xlabel: str = "step", marks: tuple = ()):
    """Left: each run's path over contours of `problem`, a dot where it ended; right: its
    loss against the step.

    `runs` is a list of `(label, xs, ys, losses, steps)`; `marks` are indices into the
    first run's points drawn as dots on both panels (LBFGS marks the end of each call).
    """
    import torch

    formula, (x0, x1, y0, y1), start, minimum, levels = PROBLEMS[problem]
    fig, (left, right) = style.new_figure(ncols=2, width=8.6, height=3.3, gridspec_kw={"width_ratios": (1.15, 1)})
    gx, gy = torch.meshgrid(torch.linspace(x0, x1, 31, dtype=torch.float64), torch.linspace(y0, y1, 31, dtype=torch.float64), indexing="xy")
    left.contour(gx, gy, f(problem, gx, gy), levels=levels, colors="#b0b0b0", linewidths=0.7)
    for number, (colour, (label, xs, ys, losses, steps)) in enumerate(zip(style.VARIANTS, runs)):
        index = _thin(len(xs))
        width = 2.2 - 0.6 * number  # later runs thinner, so that a run they overlap stays visible
        left.plot([xs[i] for i in index], [ys[i] for i in index], color=colour, linewidth=width, label=label)
        left.plot(xs[-1], ys[-1], "o", color=colour, markersize=5)  # where the run ended, even under another path
    if marks:
        _, xs, ys, losses, steps = runs[0]
        left.plot([xs[i] for i in marks], [ys[i] for i in marks], "o", color="#202020", markersize=4)
        right.plot([steps[i] for i in marks], [losses[i] for i in marks], "o", color="#202020", markersize=4)
    left.plot(*start, marker="s", color="#202020", markersize=5)
    left.plot(*minimum, marker="*", color="#202020", markersize=10)
    left.set_xlim(x0, x1)
    left.set_ylim(y0, y1)
    left.locator_params(nbins=4)  # few ticks: each one costs bytes
    left.grid(False)
    left.set_xlabel("x")
    left.set_ylabel("y")
    left.set_title(f"{title} on {formula}", loc="left", fontsize=9)
    left.legend(loc="lower right", fontsize=7.5)
    loss_panel(right, [(label, steps, losses) for label, _, _, losses, steps in runs], xlabel)
    fig.subplots_adjust(wspace=0.3)
    return fig


def draw_optimizer(variants: tuple, problem: str, steps: int, title: str):
    """`draw_paths` for each `(label, optimizer name, kwargs)` of `variants`."""
    data = paths_data(tuple((name, kwargs) for _, name, kwargs in variants), problem, steps)
    runs = [(label, *path, list(range(steps + 1))) for (label, _, _), path in zip(variants, data)]
    return draw_paths(problem, runs, title)


def draw_asgd(kwargs: tuple, problem: str = "quadratic", steps: int = 300, noise: float = 2.0):
    raw, average = asgd_data(kwargs, problem, steps, noise)
    t0 = dict(kwargs)["t0"]
    runs = [("iterate p", *raw, list(range(steps + 1))), (f"average ax (from step {t0 + 2:g})", *average, list(range(steps + 1)))]
    return draw_paths(problem, runs, f"ASGD, noisy gradients (σ = {noise:g})")


def draw_lbfgs(variants: tuple, problem: str = "rosenbrock", calls: int = 4):
    runs, marks = [], ()
    for label, kwargs in variants:
        xs, ys, losses, ends = lbfgs_data(kwargs, problem, calls)
        runs.append((label, xs, ys, losses, list(range(1, len(losses) + 1))))
        marks = marks or tuple(end - 1 for end in ends)
    return draw_paths(problem, runs, "LBFGS", xlabel="evaluations of the closure (dots: end of each step())", marks=marks)


def sparse_adam_data(rows: int = 12, unused: int = 2, batch: int = 4, steps: int = 150, lr: float = 0.05, seed: int = 0):
    """SparseAdam on `nn.Embedding(rows, 2, sparse=True)` (float64), pulling each looked-up
    row towards its own random target.

    Every step looks up `batch` rows drawn with replacement, row i with weight 1 / (i + 1)
    and the last `unused` rows never. Returns `(lookups, moved, losses)`: how often each
    row was looked up, how far it moved, and the mean squared distance of the whole table
    to the targets before each step and after the last.
    """
    import torch

    generator = torch.Generator().manual_seed(seed)
    emb = torch.nn.Embedding(rows, 2, sparse=True, dtype=torch.float64)
    with torch.no_grad():
        emb.weight.copy_(torch.randn(rows, 2, generator=generator, dtype=torch.float64))
    target = torch.randn(rows, 2, generator=generator, dtype=torch.float64)
    start = emb.weight.detach().clone()
    weights = torch.tensor([1 / (i + 1) for i in range(rows - unused)] + [0.0] * unused, dtype=torch.float64)
    batches = torch.multinomial(weights, batch * steps, replacement=True, generator=generator).view(steps, batch)
    optimizer = torch.optim.SparseAdam(emb.parameters(), lr=lr)
    tables = [start]
    for index in batches:
        optimizer.zero_grad()
        ((emb(index) - target[index]) ** 2).sum().backward()
        optimizer.step()
        tables.append(emb.weight.detach().clone())
    losses = ((torch.stack(tables) - target) ** 2).sum(2).mean(1)
    moved = (tables[-1] - start).norm(dim=1)
    return torch.bincount(batches.flatten(), minlength=rows).tolist(), moved.tolist(), losses.tolist()


def draw_sparse_adam(steps: int = 150):
    lookups, moved, losses = sparse_adam_data(steps=steps)
    fig, (left, right) = style.new_figure(ncols=2, width=8.6, height=3.0)
    left.bar(range(len(moved)), moved, color=style.FUNCTION)
    for row, (count, distance) in enumerate(zip(lookups, moved)):
        left.text(row, distance, str(count), ha="center", va="bottom", fontsize=7.5)
    left.set_xticks(range(len(moved)))
    left.set_xlabel("row of the embedding (number above: times looked up)")
    left.set_ylabel("distance moved")
    left.set_title(f"SparseAdam: which rows moved in {steps} steps", loc="left", fontsize=9)
    loss_panel(right, [("mean squared distance to the targets, all rows", list(range(len(losses))), losses)])
    right.legend(loc="upper right", fontsize=7.5)
    return fig


def matrix_problem(shape: tuple = (16, 8), samples: int = 64, seed: int = 0):
    """A least-squares problem for a weight matrix W: mean over `samples` rows of
    ||x W - x W*||², with inputs whose scales span a factor of 100 along random directions
    (not along the coordinates, where a per-element method would rescale them away)."""
    import torch

    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(samples, shape[0], generator=generator, dtype=torch.float64)
    rotation, _ = torch.linalg.qr(torch.randn(shape[0], shape[0], generator=generator, dtype=torch.float64))
    x = x * torch.logspace(0, -2, shape[0], dtype=torch.float64) @ rotation
    w_star = torch.randn(shape, generator=generator, dtype=torch.float64)
    w0 = 0.1 * torch.randn(shape, generator=generator, dtype=torch.float64)
    return x, x @ w_star, w0


def matrix_data(name: str, kwargs: tuple = (), steps: int = 100):
    """Step `torch.optim.<name>([W], **dict(kwargs))` on `matrix_problem`.

    Returns `(losses, first_update)`: the loss before each step and after the last, and
    the singular values of W1 - W0 (largest first).
    """
    import torch

    x, y, w0 = matrix_problem()
    w = w0.clone().requires_grad_(True)
    optimizer = getattr(torch.optim, name)([w], **dict(kwargs))
    losses, first = [], None
    for _ in range(steps):
        loss = ((x @ w - y) ** 2).sum(1).mean()
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if first is None:
            first = torch.linalg.svdvals((w.detach() - w0).double()).tolist()
    losses.append(((x @ w - y) ** 2).sum(1).mean().item())
    return losses, first


def draw_matrix(variants: tuple, steps: int = 100):
    """Left: singular values of each optimizer's first update (divided by the largest);
    right: the loss against the step."""
    fig, (left, right) = style.new_figure(ncols=2, width=8.6, height=3.0)
    runs = []
    for colour, (label, name, kwargs) in zip(style.VARIANTS, variants):
        losses, first = matrix_data(name, kwargs, steps)
        left.plot(range(1, len(first) + 1), [s / first[0] for s in first], "o-", color=colour, linewidth=1.2, markersize=4, label=label)
        runs.append((label, list(range(len(losses))), losses))
    left.set_yscale("log")
    left.minorticks_off()
    left.set_xlabel("singular value number")
    left.set_ylabel("of the first update, / largest")
    left.set_title("a 16 × 8 weight matrix, least squares", loc="left", fontsize=9)
    left.legend(loc="lower left", fontsize=7.5)
    loss_panel(right, runs)
    return fig


def adafactor_data(steps: int = 100, lr: float = 0.1):
    """Adafactor on `matrix_problem`, with the full second moment kept alongside.

    `full` is what Adam-like methods store: the moving average of g² with Adafactor's own
    decay 1 - t^beta2_decay; `factored` is Adafactor's estimate row_var col_var / mean(row_var)
    from its state. Returns `(full, factored, losses)` after the last step.
    """
    import torch

    x, y, w0 = matrix_problem()
    w = w0.clone().requires_grad_(True)
    optimizer = torch.optim.Adafactor([w], lr=lr)
    full, losses = torch.zeros_like(w0), []
    for t in range(1, steps + 1):
        loss = ((x @ w - y) ** 2).sum(1).mean()
        losses.append(loss.item())
        optimizer.zero_grad()
        loss.backward()
        beta2 = 1 - t ** optimizer.param_groups[0]["beta2_decay"]
        full = beta2 * full + (1 - beta2) * w.grad**2
        optimizer.step()
    losses.append(((x @ w - y) ** 2).sum(1).mean().item())
    state = optimizer.state[w]
    factored = state["row_var"] * state["col_var"] / state["row_var"].mean()
    return full.tolist(), factored.tolist(), losses


def draw_adafactor(steps: int = 100, lr: float = 0.1):
    """Two heatmaps (log10 of the full and of the factored second moment) and the loss."""
    import torch

    full, factored, losses = adafactor_data(steps, lr)
    fig, axes = style.new_figure(ncols=3, width=8.6, height=3.0, gridspec_kw={"width_ratios": (1, 1, 1.5)})
    shown = [torch.log10(torch.tensor(m)) for m in (full, factored)]
    low, high = min(m.min().item() for m in shown), max(m.max().item() for m in shown)
    rows, cols = shown[0].shape
    for ax, matrix, title in zip(axes, shown, (f"full: {rows * cols} numbers", f"factored: {rows} + {cols} numbers")):
        image = ax.imshow(matrix, cmap="viridis", vmin=low, vmax=high, interpolation="none")
        style.bare(ax)
        ax.set_title(title, fontsize=9)
    fig.colorbar(image, ax=axes[:2], location="bottom", shrink=0.8, label="log10 of the average of g²")
    loss_panel(axes[2], [(f"Adafactor, lr={lr}", list(range(len(losses))), losses)])
    axes[2].legend(loc="upper right", fontsize=7.5)
    return fig


def _opt(name: str, problem: str, steps: int, *variants: tuple) -> Figure:
    """Variants are `(label, kwargs)` of `name`, or `(label, other optimizer, kwargs)`."""
    variants = tuple(v if len(v) == 3 else (v[0], name, v[1]) for v in variants)
    params = {"variants": variants, "problem": problem, "steps": steps, "title": name}
    return Figure(f"optimizers/{name.lower()}", draw_optimizer, params)


def _kw(**kwargs) -> tuple:
    return tuple(kwargs.items())


FIGURES = [
    _opt(
        "SGD",
        "quadratic",
        60,
        ("plain", _kw(lr=0.02)),
        ("momentum=0.8", _kw(lr=0.02, momentum=0.8)),
        ("momentum=0.8, nesterov=True", _kw(lr=0.02, momentum=0.8, nesterov=True)),
    ),
    _opt("Adagrad", "quadratic", 200, ("lr=0.1", _kw(lr=0.1)), ("lr=0.3", _kw(lr=0.3)), ("lr=1.0", _kw(lr=1.0))),
    _opt("RMSprop", "quadratic", 200, ("alpha=0.99", _kw(lr=0.05)), ("alpha=0.9", _kw(lr=0.05, alpha=0.9)), ("centered=True", _kw(lr=0.05, centered=True))),
    _opt("Adadelta", "quadratic", 200, ("lr=1.0 (default)", ()), ("lr=10", _kw(lr=10.0)), ("lr=10, rho=0.99", _kw(lr=10.0, rho=0.99))),
    _opt(
        "Adam",
        "rosenbrock",
        200,
        ("betas=(0.9, 0.999)", _kw(lr=0.05)),
        ("betas=(0.5, 0.999)", _kw(lr=0.05, betas=(0.5, 0.999))),
        ("betas=(0.9, 0.9)", _kw(lr=0.05, betas=(0.9, 0.9))),
    ),
    _opt(
        "AdamW",
        "beale",
        200,
        ("Adam, no decay", "Adam", _kw(lr=0.05)),
        ("Adam, weight_decay=0.5 (L2)", "Adam", _kw(lr=0.05, weight_decay=0.5)),
        ("AdamW, weight_decay=0.5", _kw(lr=0.05, weight_decay=0.5)),
    ),
    _opt("Adamax", "rosenbrock", 200, ("Adamax", _kw(lr=0.2)), ("Adam", "Adam", _kw(lr=0.2))),
    _opt("NAdam", "rosenbrock", 200, ("NAdam", _kw(lr=0.05)), ("Adam", "Adam", _kw(lr=0.05))),
    _opt("RAdam", "quadratic", 200, ("RAdam", _kw(lr=0.05)), ("Adam", "Adam", _kw(lr=0.05))),
    _opt("Rprop", "beale", 200, ("defaults", ()), ("step_sizes=(1e-6, 0.01)", _kw(step_sizes=(1e-6, 0.01))), ("etas=(0.9, 1.2)", _kw(etas=(0.9, 1.2)))),
    Figure("optimizers/asgd", draw_asgd, {"kwargs": _kw(lr=0.03, t0=100.0), "steps": 300, "noise": 2.0}),
    Figure("optimizers/lbfgs", draw_lbfgs, {"variants": (("lr=1, no line search", ()), ("line_search_fn='strong_wolfe'", _kw(line_search_fn="strong_wolfe")))}),
    Figure("optimizers/sparseadam", draw_sparse_adam, {"steps": 150}),
    Figure(
        "optimizers/muon",
        draw_matrix,
        {"variants": (("Muon, lr=0.05", "Muon", _kw(lr=0.05, weight_decay=0.0)), ("AdamW, lr=0.05", "AdamW", _kw(lr=0.05, weight_decay=0.0)))},
    ),
    Figure("optimizers/adafactor", draw_adafactor, {"steps": 100, "lr": 0.1}),
]

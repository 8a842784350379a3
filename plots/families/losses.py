"""Figures for the regression-loss page, docs/losses/regression.md.

Every curve is computed by a loss module of `torch.nn` (with `reduction="none"`),
and every slope by autograd through that module, so a figure shows what training
really uses. The data functions return plain lists; tests/test_losses_regression.py
compares them with hand-written formulas.

- `error_curves`: loss and gradient of the element-wise regression losses as a
  function of the error d = input - target (overview, SmoothL1Loss, HuberLoss).
- `poisson_data`: PoissonNLLLoss as a function of the log-rate, for a few counts.
- `gaussian_data`: GaussianNLLLoss as a function of the variance (fixed errors)
  and of the error (fixed variances).
- `robust_fit_data`: straight lines fitted to data with outliers under MSELoss,
  L1Loss and HuberLoss, by a grid search over intercept and slope.
"""

from plots import style
from plots.figure import Figure

ERROR_RANGE = (-3.0, 3.0)
POINTS = 401  # odd, so d = 0 is a sample point


def error_curves(curves: tuple, error_range: tuple = ERROR_RANGE, points: int = POINTS):
    """For each `(module, kwargs)`: `(d, loss, slope)` of `nn.<module>(reduction="none", **kwargs)`.

    The input is `d` and the target is 0, so `d` is the error; `slope` is the
    autograd derivative of each element's loss with respect to its input.
    """
    import torch

    found = []
    for module, kwargs in curves:
        loss_fn = getattr(torch.nn, module)(reduction="none", **dict(kwargs))
        lo, hi = error_range
        d = lo + (hi - lo) * torch.arange(points, dtype=torch.float64) / (points - 1)  # exactly 0 in the middle
        d.requires_grad_(True)
        loss = loss_fn(d, torch.zeros_like(d))
        (slope,) = torch.autograd.grad(loss.sum(), d)
        found.append((d.detach().tolist(), loss.detach().tolist(), slope.tolist()))
    return found


def _label(module: str, kwargs: tuple) -> str:
    names = {"beta": "β", "delta": "δ"}
    args = ", ".join(f"{names.get(key, key)}={value}" for key, value in kwargs)
    return f"{module} ({args})" if args else module


def _axes_lines(*axes):
    for ax in axes:
        ax.axhline(0, color="#808080", linewidth=0.8)
        ax.axvline(0, color="#808080", linewidth=0.8)


def draw_error_curves(curves: tuple, title: str, error_range: tuple = ERROR_RANGE, styles: tuple = ()):
    """Left: the loss of one element against the error d; right: its slope (autograd)."""
    fig, (left, right) = style.new_figure(ncols=2, width=8.4, height=3.2)
    data = error_curves(curves, error_range)
    for i, ((module, kwargs), (d, loss, slope)) in enumerate(zip(curves, data)):
        line = {"color": style.VARIANTS[i % len(style.VARIANTS)], "linestyle": styles[i] if styles else "-"}
        left.plot(d, loss, label=_label(module, kwargs), **line)
        right.plot(d, slope, **line)
    _axes_lines(left, right)
    left.set_ylim(-0.2, min(4.5, max(max(loss) for _, loss, _ in data) + 0.2))
    left.set_xlabel("error d = input − target")
    right.set_xlabel("error d = input − target")
    left.set_title(f"{title}: loss")
    right.set_title("gradient d loss / d input (autograd)")
    left.legend(loc="upper center", fontsize=8)
    return fig


POISSON_COUNTS = (0.0, 1.0, 3.0)
LOG_RATE_RANGE = (-3.0, 2.5)


def poisson_data(counts: tuple = POISSON_COUNTS, log_rate_range: tuple = LOG_RATE_RANGE, points: int = 166):
    """For each count k: `(log_rate, loss, slope)` of `nn.PoissonNLLLoss(reduction="none")` (log_input=True)."""
    import torch

    loss_fn = torch.nn.PoissonNLLLoss(reduction="none")
    found = []
    for k in counts:
        x = torch.linspace(*log_rate_range, points, dtype=torch.float64, requires_grad=True)
        loss = loss_fn(x, torch.full_like(x, k))
        (slope,) = torch.autograd.grad(loss.sum(), x)
        found.append((x.detach().tolist(), loss.detach().tolist(), slope.tolist()))
    return found


def draw_poisson(counts: tuple = POISSON_COUNTS):
    """Loss and gradient against the log-rate; dots at the minimum log(rate) = log(k)."""
    import math

    fig, (left, right) = style.new_figure(ncols=2, width=8.4, height=3.2)
    for colour, k, (x, loss, slope) in zip(style.VARIANTS, counts, poisson_data(counts)):
        left.plot(x, loss, color=colour, label=f"count k = {k:g}")
        right.plot(x, slope, color=colour)
        if k > 0:
            left.plot([math.log(k)], [k - k * math.log(k)], "o", color=colour, markersize=5)
    _axes_lines(left, right)
    right.set_ylim(-4, 6)
    left.set_ylim(-1.5, 6)
    left.set_xlabel("input: log-rate log λ")
    right.set_xlabel("input: log-rate log λ")
    left.set_title("nn.PoissonNLLLoss: loss")
    right.set_title("gradient λ − k (autograd)")
    left.legend(loc="upper center", fontsize=8)
    return fig


GAUSSIAN_ERRORS = (0.5, 1.0, 2.0)
GAUSSIAN_VARIANCES = (0.25, 1.0, 4.0)


def gaussian_data(errors: tuple = GAUSSIAN_ERRORS, variances: tuple = GAUSSIAN_VARIANCES, points: int = 101):
    """`(by_variance, by_error)` from `nn.GaussianNLLLoss(reduction="none")`.

    `by_variance`: for each error d, `(var, loss)` with var log-spaced from 0.05 to 20.
    `by_error`: for each variance, `(d, loss)` with d from -3 to 3.
    """
    import torch

    loss_fn = torch.nn.GaussianNLLLoss(reduction="none")
    by_variance, by_error = [], []
    for d in errors:
        var = torch.logspace(-1.30103, 1.30103, points, dtype=torch.float64)  # 0.05 .. 20
        loss = loss_fn(torch.full_like(var, d), torch.zeros_like(var), var)
        by_variance.append((var.tolist(), loss.tolist()))
    for v in variances:
        d = torch.linspace(*ERROR_RANGE, points, dtype=torch.float64)
        loss = loss_fn(d, torch.zeros_like(d), torch.full_like(d, v))
        by_error.append((d.tolist(), loss.tolist()))
    return by_variance, by_error


def draw_gaussian(errors: tuple = GAUSSIAN_ERRORS, variances: tuple = GAUSSIAN_VARIANCES):
    """Left: loss against the predicted variance, minimum at var = d²; right: loss against the error."""
    import math

    by_variance, by_error = gaussian_data(errors, variances)
    fig, (left, right) = style.new_figure(ncols=2, width=8.4, height=3.2)
    for colour, d, (var, loss) in zip(style.VARIANTS, errors, by_variance):
        left.plot(var, loss, color=colour, label=f"error d = {d:g}")
        left.plot([d * d], [0.5 * (math.log(d * d) + 1)], "o", color=colour, markersize=5)
    left.set_xscale("log")
    left.minorticks_off()
    left.set_xticks([0.1, 1, 10], ["0.1", "1", "10"])
    left.set_ylim(-0.8, 5)
    left.set_xlabel("predicted variance σ² (log scale)")
    left.set_title("nn.GaussianNLLLoss vs variance")
    left.legend(loc="upper center", fontsize=8)
    for colour, v, (d, loss) in zip(style.VARIANTS, variances, by_error):
        right.plot(d, loss, color=colour, label=f"σ² = {v:g}")
    _axes_lines(right)
    right.set_ylim(-1, 4)
    right.set_xlabel("error d = input − target")
    right.set_title("nn.GaussianNLLLoss vs error")
    right.legend(loc="upper center", fontsize=8)
    return fig


FIT_LOSSES = ("MSELoss", "L1Loss", "HuberLoss")
OUTLIERS = {13: 5.0, 15: 6.0, 17: 5.5}  # index -> how far the point is pushed up
INTERCEPTS = (-1.0, 3.0, 201)  # grid of the search: start, end, points
SLOPES = (0.0, 8.0, 401)


def robust_fit_data(points: int = 20):
    """Fit y = b + a x to noisy points on y = 1 + 2x, three of them pushed up.

    Every loss module (default parameters) is evaluated on a grid of
    intercepts b and slopes a, and the best grid point is kept. Returns
    `{"x", "y", "fits": {module: (b, a)}}` as plain numbers.
    """
    import torch

    gen = torch.Generator().manual_seed(0)
    x = torch.linspace(0, 1, points, dtype=torch.float64)
    y = 1.0 + 2.0 * x + 0.1 * torch.randn(points, generator=gen, dtype=torch.float64)
    for index, shift in OUTLIERS.items():
        y[index] += shift
    b, a = torch.meshgrid(torch.linspace(*INTERCEPTS, dtype=torch.float64), torch.linspace(*SLOPES, dtype=torch.float64), indexing="ij")
    pred = b[..., None] + a[..., None] * x
    fits = {}
    for module in FIT_LOSSES:
        loss = getattr(torch.nn, module)(reduction="none")(pred, y.expand_as(pred)).mean(dim=-1)
        best = loss.argmin()
        fits[module] = (b.flatten()[best].item(), a.flatten()[best].item())
    return {"x": x.tolist(), "y": y.tolist(), "fits": fits}


def draw_robust_fit():
    data = robust_fit_data()
    fig, ax = style.new_figure(width=5.6, height=3.6)
    outlier = [i in OUTLIERS for i in range(len(data["x"]))]
    ax.plot([x for x, o in zip(data["x"], outlier) if not o], [y for y, o in zip(data["y"], outlier) if not o], "o",
            color="#606060", markersize=4, label="data")
    ax.plot([x for x, o in zip(data["x"], outlier) if o], [y for y, o in zip(data["y"], outlier) if o], "x", color="#606060", markersize=7, label="outliers")
    ax.plot([0, 1], [1, 3], ":", color="#808080", linewidth=1.5, label="true line y = 1 + 2x")
    for colour, (module, (b, a)) in zip(style.VARIANTS, data["fits"].items()):
        ax.plot([0, 1], [b, b + a], color=colour, label=f"{module}: y = {b:.2f} + {a:.2f}x")
    ax.set_xlabel("x")
    ax.set_ylabel("y")
    ax.set_title("Fitting a line with three outliers")
    ax.legend(loc="upper left", fontsize=8)
    return fig


REGRESSION_CURVES = (("L1Loss", ()), ("MSELoss", ()), ("HuberLoss", (("delta", 1.0),)), ("SmoothL1Loss", (("beta", 1.0),)))
SMOOTH_L1_CURVES = tuple(("SmoothL1Loss", (("beta", beta),)) for beta in (0.0, 0.5, 1.0, 2.0))
HUBER_CURVES = tuple(("HuberLoss", (("delta", delta),)) for delta in (0.5, 1.0, 2.0))

FIGURES = [
    Figure("losses/regression", draw_error_curves, {"curves": REGRESSION_CURVES, "title": "Regression losses", "styles": ("-", "-", "-", "--")}),
    Figure("losses/smoothl1loss", draw_error_curves, {"curves": SMOOTH_L1_CURVES, "title": "nn.SmoothL1Loss"}),
    Figure("losses/huberloss", draw_error_curves, {"curves": HUBER_CURVES, "title": "nn.HuberLoss"}),
    Figure("losses/poissonnllloss", draw_poisson, {}),
    Figure("losses/gaussiannllloss", draw_gaussian, {}),
    Figure("losses/regression-robust-fit", draw_robust_fit, {}),
]

"""Figures for the smooth activations page: f and f' of each module, plus comparisons.

Every activation gets `activations/<classname>.svg` drawn by `plots.curves.draw_curves`
(parameter variants where the module has parameters). The extra figures compare
modules (`draw_compare`), mark the minima of the self-gated activations
(`minimum`), and show how far GELU's tanh approximation is from the exact GELU
(`gelu_error_data`).
"""

from __future__ import annotations

from plots import style
from plots.curves import curve_data, draw_curves
from plots.figure import Figure


def minimum(module: str, kwargs: tuple = (), bracket: tuple = (-3.0, -0.1), steps: int = 80):
    """Return `(x, f(x))` at the minimum of `torch.nn.<module>` inside `bracket`.

    Bisection on the sign of f' (from autograd, float64): the bracket must hold
    exactly one minimum, with f' < 0 at its left end and f' > 0 at its right end.
    """
    import torch

    layer = getattr(torch.nn, module)(**dict(kwargs)).double()

    def slope(t: float) -> float:
        x = torch.tensor(t, dtype=torch.float64, requires_grad=True)
        (dy,) = torch.autograd.grad(layer(x), x)
        return dy.item()

    lo, hi = bracket
    for _ in range(steps):
        mid = (lo + hi) / 2
        if slope(mid) < 0:
            lo = mid
        else:
            hi = mid
    x = (lo + hi) / 2
    return x, layer(torch.tensor(x, dtype=torch.float64)).item()


def gelu_error_data(x_range: tuple = (-6.0, 6.0), points: int = 601):
    """Return `(x, GELU(x) - GELU_tanh(x))` as lists: exact GELU minus its tanh approximation."""
    import torch

    x = torch.linspace(*x_range, points, dtype=torch.float64)
    exact = torch.nn.GELU()(x)
    approx = torch.nn.GELU(approximate="tanh")(x)
    return x.tolist(), (exact - approx).tolist()


def draw_gelu_error(x_range: tuple = (-6.0, 6.0)):
    """Plot exact GELU minus the tanh approximation, in units of 1e-4."""
    x, diff = gelu_error_data(x_range)
    fig, ax = style.new_figure()
    ax.plot(x, [d * 1e4 for d in diff], color=style.FUNCTION)
    ax.axhline(0, color="#808080", linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_ylabel("exact − tanh approximation (× 1e-4)")
    ax.set_title("nn.GELU(): error of approximate='tanh'")
    return fig


def _label(module: str, kwargs: tuple) -> str:
    inner = ", ".join(f"{key}={value}" for key, value in kwargs)
    return f"{module}({inner})"


def draw_compare(modules: tuple, x_range: tuple = (-5.0, 5.0), derivative: bool = True,
                 mark_minima: bool = False, title: str = "", points: int = 401,
                 legend: str = "upper left"):
    """Plot several modules on one axis: f solid, f' dashed (if `derivative`).

    `modules` is a tuple of `(name, kwargs)` pairs; with `mark_minima` each curve's
    minimum (from `minimum`) is marked with a dot and its coordinates.
    """
    fig, ax = style.new_figure()
    for colour, (module, kwargs) in zip(style.VARIANTS, modules):
        x, y, dy = curve_data(module, kwargs, x_range, points)
        label = _label(module, kwargs)
        if mark_minima:
            mx, my = minimum(module, kwargs)
            ax.plot([mx], [my], "o", color=colour, markersize=5)
            label = f"{label}: min {my:.4f} at x = {mx:.4f}"
        ax.plot(x, y, color=colour, label=label)
        if derivative:
            ax.plot(x, dy, color=colour, linestyle="--", linewidth=1.4, label=f"{label}′")
    ax.axhline(0, color="#808080", linewidth=0.8)
    ax.axvline(0, color="#808080", linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_title(title)
    ax.legend(loc=legend, fontsize=8)
    return fig


def _alphas(values):
    return tuple((("alpha", a),) for a in values)


FIGURES = [
    Figure("activations/sigmoid", draw_curves, {"module": "Sigmoid"}),
    Figure("activations/tanh", draw_curves, {"module": "Tanh"}),
    Figure("activations/logsigmoid", draw_curves, {"module": "LogSigmoid"}),
    Figure("activations/softplus", draw_curves,
           {"module": "Softplus", "variants": ((("beta", 0.5),), (("beta", 1.0),), (("beta", 2.0),))}),
    Figure("activations/softplus-threshold", draw_curves,
           {"module": "Softplus", "variants": ((), (("threshold", 1.0),)), "x_range": (-3.0, 3.0)}),
    Figure("activations/softsign", draw_curves, {"module": "Softsign"}),
    Figure("activations/softsign-vs-tanh", draw_compare,
           {"modules": (("Softsign", ()), ("Tanh", ())), "x_range": (-10.0, 10.0),
            "title": "nn.Softsign vs nn.Tanh"}),
    Figure("activations/tanhshrink", draw_curves, {"module": "Tanhshrink"}),
    Figure("activations/elu", draw_curves, {"module": "ELU", "variants": _alphas((0.5, 1.0, 2.0))}),
    Figure("activations/celu", draw_curves, {"module": "CELU", "variants": _alphas((0.5, 1.0, 2.0))}),
    Figure("activations/selu", draw_curves, {"module": "SELU"}),
    Figure("activations/gelu", draw_curves,
           {"module": "GELU", "variants": ((("approximate", "none"),), (("approximate", "tanh"),))}),
    Figure("activations/gelu-tanh-error", draw_gelu_error, {}),
    Figure("activations/silu", draw_curves, {"module": "SiLU"}),
    Figure("activations/mish", draw_curves, {"module": "Mish"}),
    Figure("activations/silu-gelu-mish", draw_compare,
           {"modules": (("SiLU", ()), ("GELU", ()), ("Mish", ())), "x_range": (-4.0, 1.0),
            "derivative": False, "mark_minima": True, "title": "The dip below zero", "legend": "upper left"}),
]

"""Element-wise activation curves: f(x) and f'(x), both from torch.

The derivative comes from autograd on the module itself, so a figure shows what
backpropagation really uses, including torch's choice of value at a kink.
"""

from __future__ import annotations

from plots import style

X_RANGE = (-5.0, 5.0)
POINTS = 801  # odd, so x = 0 is a sample point


def curve_data(module: str, kwargs: tuple = (), x_range: tuple = X_RANGE, points: int = POINTS, train: bool = False):
    """Return `(x, f(x), f'(x))` as lists for `torch.nn.<module>(**dict(kwargs))`.

    `train` selects the module's mode (it matters for RReLU); the random slopes
    of RReLU in training mode are drawn after `torch.manual_seed(0)`.
    """
    import torch

    torch.manual_seed(0)
    layer = getattr(torch.nn, module)(**dict(kwargs)).double().train(train)
    x = torch.linspace(*x_range, points, dtype=torch.float64, requires_grad=True)
    y = layer(x)
    (dy,) = torch.autograd.grad(y.sum(), x)
    return x.detach().tolist(), y.detach().tolist(), dy.tolist()


def _label(kwargs: tuple) -> str:
    return ", ".join(f"{key}={value}" for key, value in kwargs) or "defaults"


def draw_curves(module: str, variants: tuple = ((),), x_range: tuple = X_RANGE, train: bool = False):
    """Plot f (solid) and f' (dashed) of `torch.nn.<module>` for each parameter variant.

    `variants` is a tuple of kwargs tuples, e.g. `((("negative_slope", 0.01),),
    (("negative_slope", 0.2),))`; one colour per variant.
    """
    fig, ax = style.new_figure()
    for colour, kwargs in zip(style.VARIANTS, variants):
        x, y, dy = curve_data(module, kwargs, x_range, train=train)
        suffix = f" ({_label(kwargs)})" if len(variants) > 1 else ""
        ax.plot(x, y, color=colour, label=f"f(x){suffix}")
        ax.plot(x, dy, color=colour, linestyle="--", linewidth=1.4, label=f"f'(x){suffix}")
    ax.axhline(0, color="#808080", linewidth=0.8)
    ax.axvline(0, color="#808080", linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_title(f"nn.{module}")
    ax.legend(loc="upper left", fontsize=8)
    return fig

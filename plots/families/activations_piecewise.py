"""Figures for the piecewise-linear activations page: f and f' of each module.

Most figures use `plots.curves.draw_curves` (with parameter variants where the
module has parameters). Two modules need their own drawing:

- RReLU behaves differently in training mode (a random slope per element) and
  in evaluation mode (the fixed slope `(lower + upper) / 2`): `draw_rrelu`.
- PReLU's slope is a parameter the network learns: `draw_prelu` fits it to a
  target with a few SGD steps; `prelu_fit_data` holds the numbers.
"""

from plots import style
from plots.curves import curve_data, draw_curves
from plots.figure import Figure

PRELU_TARGET_SLOPE = 0.6  # the negative-side slope of the data PReLU is fitted to


def prelu_fit_data(target_slope: float = PRELU_TARGET_SLOPE, steps: int = 20, lr: float = 0.1, points: int = 41):
    """Fit `nn.PReLU()` (init 0.25) to `t = x if x >= 0 else target_slope * x` by gradient descent on the MSE.

    The update is plain SGD, `a <- a - lr * dL/da`, written out by hand
    (`torch.optim.SGD` would do the same, but importing it is slow).

    Returns a dict of plain lists: the inputs `x`, the targets `t`, the learned
    slope after each step `slopes` (`slopes[0]` is the initial 0.25), and f and
    f' (autograd) of the module before (`y0`, `dy0`) and after (`y1`, `dy1`)
    training, evaluated on `x`.
    """
    import torch

    torch.manual_seed(0)
    prelu = torch.nn.PReLU().double()
    x = torch.linspace(-3.0, 3.0, points, dtype=torch.float64)
    t = torch.where(x >= 0, x, target_slope * x)

    def f_and_df():
        xs = x.clone().requires_grad_(True)
        y = prelu(xs)
        (dy,) = torch.autograd.grad(y.sum(), xs)
        return y.detach().tolist(), dy.tolist()

    y0, dy0 = f_and_df()
    slopes = [prelu.weight.item()]
    for _ in range(steps):
        loss = torch.nn.functional.mse_loss(prelu(x), t)
        (grad,) = torch.autograd.grad(loss, prelu.weight)
        with torch.no_grad():
            prelu.weight -= lr * grad
        slopes.append(prelu.weight.item())
    y1, dy1 = f_and_df()
    return {"x": x.tolist(), "t": t.tolist(), "slopes": slopes, "y0": y0, "dy0": dy0, "y1": y1, "dy1": dy1}


def draw_prelu(target_slope: float = PRELU_TARGET_SLOPE, steps: int = 20, lr: float = 0.1):
    """Left: f and f' of PReLU before and after fitting; right: the slope per SGD step."""
    data = prelu_fit_data(target_slope, steps, lr)
    fig, (left, right) = style.new_figure(ncols=2, width=8.4, height=3.2)
    before, after = style.VARIANTS[0], style.VARIANTS[1]
    left.plot(data["x"][::2], data["t"][::2], "o", color="#808080", markersize=3, label="target data")
    left.plot(data["x"], data["y0"], color=before, label=f"f(x), a = {data['slopes'][0]:.2f}")
    left.plot(data["x"], data["dy0"], color=before, linestyle="--", linewidth=1.4, label="f'(x) before")
    left.plot(data["x"], data["y1"], color=after, label=f"f(x), a = {data['slopes'][-1]:.2f}")
    left.plot(data["x"], data["dy1"], color=after, linestyle="--", linewidth=1.4, label="f'(x) after")
    left.axhline(0, color="#808080", linewidth=0.8)
    left.axvline(0, color="#808080", linewidth=0.8)
    left.set_xlabel("x")
    left.set_title("nn.PReLU before and after training")
    left.legend(loc="upper left", fontsize=8)
    right.plot(range(len(data["slopes"])), data["slopes"], "o-", color=after, markersize=3)
    right.axhline(target_slope, color="#808080", linestyle=":", linewidth=1.2)
    right.set_yticks([data["slopes"][0], target_slope])
    right.set_xticks([0, steps // 2, steps])
    right.set_xlabel(f"gradient-descent step (lr={lr}, MSE loss)")
    right.set_title("Learned slope a (dotted: target)")
    return fig


def rrelu_data(lower: float = 1 / 8, upper: float = 1 / 3, train_points: int = 61):
    """`(eval, train)`: `curve_data` of `nn.RReLU(lower, upper)` in evaluation and in training mode."""
    kwargs = (("lower", lower), ("upper", upper))
    return curve_data("RReLU", kwargs, train=False), curve_data("RReLU", kwargs, points=train_points, train=True)


def draw_rrelu(lower: float = 1 / 8, upper: float = 1 / 3):
    """RReLU: lines for evaluation mode, dots for one draw of training mode's random slopes."""
    (x, y, dy), (xt, yt, dyt) = rrelu_data(lower, upper)
    fig, ax = style.new_figure(width=5.2, height=3.4)
    ax.plot(x, y, color=style.FUNCTION, label="f(x), eval: slope (lower+upper)/2")
    ax.plot(x, dy, color=style.FUNCTION, linestyle="--", linewidth=1.4, label="f'(x), eval")
    ax.plot(xt, yt, "o", color=style.DERIVATIVE, markersize=2.5, label="f(x), train: random slopes")
    ax.plot(xt, dyt, "s", color=style.VARIANTS[2], markersize=2.5, label="f'(x), train")
    ax.axhline(0, color="#808080", linewidth=0.8)
    ax.axvline(0, color="#808080", linewidth=0.8)
    ax.set_xlabel("x")
    ax.set_title("nn.RReLU: training mode vs evaluation mode")
    ax.legend(loc="upper left", fontsize=8)
    return fig


def _variants(name: str, *values) -> tuple:
    return tuple(((name, value),) for value in values)


FIGURES = [
    Figure(
        "activations/threshold",
        draw_curves,
        {"module": "Threshold", "variants": ((("threshold", 1.0), ("value", 0.0)), (("threshold", -2.0), ("value", 2.0)))},
    ),
    Figure("activations/relu", draw_curves, {"module": "ReLU"}),
    Figure("activations/relu6", draw_curves, {"module": "ReLU6", "x_range": (-2.0, 8.0)}),
    Figure("activations/leakyrelu", draw_curves, {"module": "LeakyReLU", "variants": _variants("negative_slope", 0.01, 0.1, 0.3)}),
    Figure("activations/prelu", draw_prelu, {}),
    Figure("activations/rrelu", draw_rrelu, {}),
    Figure(
        "activations/hardtanh",
        draw_curves,
        {"module": "Hardtanh", "variants": ((), (("min_val", -2.0), ("max_val", 2.0)))},
    ),
    Figure("activations/hardsigmoid", draw_curves, {"module": "Hardsigmoid"}),
    Figure("activations/hardswish", draw_curves, {"module": "Hardswish"}),
    Figure("activations/hardshrink", draw_curves, {"module": "Hardshrink", "variants": _variants("lambd", 0.5, 1.5)}),
    Figure("activations/softshrink", draw_curves, {"module": "Softshrink", "variants": _variants("lambd", 0.5, 1.5)}),
]

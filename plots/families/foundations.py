"""Figures for the foundations pages: exponentials and logarithms, log scales, the
logistic function and its inverse, normal densities, Poisson probabilities, binary
entropy and a likelihood curve.

Each figure has a data function that returns plain lists computed by torch
(tested in `tests/test_foundations_functions.py` and
`tests/test_foundations_probability.py`) and a draw function that only plots them.
"""

from __future__ import annotations

import math

from plots import style
from plots.figure import Figure

EXP_BASES = (0.5, 2.0, math.e, 10.0)
NORMALS = ((0.0, 1.0), (0.0, 0.5), (2.0, 1.5))  # (mean, standard deviation)
POISSON_RATES = (1.0, 3.0, 8.0)
LOG_BASES = (2.0, math.e, 10.0)


def _base_label(base: float) -> str:
    return "e" if base == math.e else f"{base:g}"


def exp_log_data(x_range: tuple = (-3.0, 3.0), u_range: tuple = (0.05, 8.0), points: int = 61):
    """Exponentials `b**x` on `x_range` and logarithms `log_b(u)` on `u_range`, as lists.

    Returns a dict: `x`, `exp` (base label -> `torch.pow(b, x)` for `EXP_BASES`),
    `u`, `log` (base label -> `torch.log(u) / ln b` for `LOG_BASES`; for e, 2 and 10
    this is what `torch.log`, `torch.log2` and `torch.log10` return).
    """
    import torch

    x = torch.linspace(*x_range, points, dtype=torch.float64)
    u = torch.linspace(*u_range, points, dtype=torch.float64)
    exp = {_base_label(b): torch.pow(torch.tensor(b, dtype=torch.float64), x).tolist() for b in EXP_BASES}
    log = {_base_label(b): (torch.log(u) / math.log(b)).tolist() for b in LOG_BASES}
    return {"x": x.tolist(), "exp": exp, "u": u.tolist(), "log": log}


def draw_exp_log():
    """Left: b^x for a few bases (growth for b > 1, decay for b < 1); right: log_b(u)."""
    data = exp_log_data()
    fig, (left, right) = style.new_figure(ncols=2, width=8.4, height=3.2)
    for colour, (label, values) in zip(style.VARIANTS, data["exp"].items()):
        left.plot(data["x"], values, color=colour, label=f"{label}^x")
    left.set_ylim(-0.5, 8.0)
    left.set_xlabel("x")
    left.set_title("Exponentials b^x")
    left.legend(loc="upper left", fontsize=8)
    for colour, (label, values) in zip(style.VARIANTS[1:], data["log"].items()):
        name = "ln u" if label == "e" else f"log{label} u"
        right.plot(data["u"], values, color=colour, label=name)
    right.set_ylim(-4.5, 3.5)
    right.set_xlabel("u")
    right.set_title("Logarithms log_b u")
    right.legend(loc="lower right", fontsize=8)
    for ax in (left, right):
        ax.axhline(0, color="#808080", linewidth=0.8)
        ax.axvline(0, color="#808080", linewidth=0.8)
    return fig


def loss_curve_data(steps: int = 150, lr: float = 0.5, seed: int = 0):
    """Full-batch gradient descent on a noise-free least-squares problem; the MSE before each step.

    32 samples with 3 features of scales 1, 0.4 and 0.15 and targets `X @ [1, -2, 3]`;
    the weights start at zero and follow `w <- w - lr * grad` with the gradient from
    autograd (the update `torch.optim.SGD(lr=lr)` makes). Returns a list of
    `steps + 1` losses.
    """
    import torch

    torch.manual_seed(seed)
    X = torch.randn(32, 3, dtype=torch.float64) * torch.tensor([1.0, 0.4, 0.15], dtype=torch.float64)
    y = X @ torch.tensor([1.0, -2.0, 3.0], dtype=torch.float64)
    w = torch.zeros(3, dtype=torch.float64, requires_grad=True)
    losses = []
    for _ in range(steps + 1):
        loss = torch.nn.functional.mse_loss(X @ w, y)
        losses.append(loss.item())
        (grad,) = torch.autograd.grad(loss, w)
        with torch.no_grad():
            w -= lr * grad
    return losses


def draw_log_scale():
    """The same loss curve on a linear and on a logarithmic y axis."""
    losses = loss_curve_data()
    steps = range(len(losses))
    fig, (left, right) = style.new_figure(ncols=2, width=8.4, height=3.0)
    left.plot(steps, losses, color=style.FUNCTION)
    left.set_title("Linear y axis")
    right.semilogy(steps, losses, color=style.FUNCTION)
    right.set_title("Logarithmic y axis")
    for ax in (left, right):
        ax.set_xlabel("gradient-descent step")
        ax.set_ylabel("training loss (MSE)")
    return fig


def logistic_data(x_range: tuple = (-8.0, 8.0), points: int = 161):
    """The logistic function, its derivative and the step function; and the logit.

    Returns a dict: `x`, `sigmoid` (`torch.sigmoid(x)`), `slope` (its derivative from
    autograd), `step` (`1.0 if x > 0 else 0.0`), `p` (a grid inside (0, 1)) and `logit`
    (`torch.logit(p)`).
    """
    import torch

    x = torch.linspace(*x_range, points, dtype=torch.float64, requires_grad=True)
    s = torch.sigmoid(x)
    (slope,) = torch.autograd.grad(s.sum(), x)
    x = x.detach()
    p = torch.linspace(0.0025, 0.9975, 399, dtype=torch.float64)
    return {
        "x": x.tolist(),
        "sigmoid": s.detach().tolist(),
        "slope": slope.tolist(),
        "step": torch.where(x > 0, 1.0, 0.0).tolist(),
        "p": p.tolist(),
        "logit": torch.logit(p).tolist(),
    }


def draw_logistic():
    """Left: sigma(x), its derivative and the step function; right: logit(p), the inverse."""
    data = logistic_data()
    fig, (left, right) = style.new_figure(ncols=2, width=8.4, height=3.2)
    left.plot(data["x"], data["step"], color="#808080", linestyle=":", linewidth=1.6, label="step: x > 0")
    left.plot(data["x"], data["sigmoid"], color=style.FUNCTION, label="σ(x) = 1 / (1 + e^-x)")
    left.plot(data["x"], data["slope"], color=style.DERIVATIVE, linestyle="--", linewidth=1.4, label="σ'(x) = σ(x)(1 - σ(x))")
    left.set_xlabel("x (a logit)")
    left.set_title("The logistic function")
    left.legend(loc="upper left", fontsize=8)
    right.plot(data["p"], data["logit"], color=style.FUNCTION, label="logit(p) = ln(p / (1 - p))")
    right.axvline(0.5, color="#808080", linewidth=0.8)
    right.set_xlabel("p (a probability)")
    right.set_title("Its inverse: the logit (log-odds)")
    right.legend(loc="upper left", fontsize=8)
    for ax in (left, right):
        ax.axhline(0, color="#808080", linewidth=0.8)
    left.axvline(0, color="#808080", linewidth=0.8)
    return fig


def normal_density_data(normals: tuple = NORMALS, x_range: tuple = (-5.0, 7.0), points: int = 241):
    """`(x, densities)`: `Normal(mean, std).log_prob(x).exp()` for each `(mean, std)` in `normals`, as lists."""
    import torch

    x = torch.linspace(*x_range, points, dtype=torch.float64)
    normal = torch.distributions.Normal
    return x.tolist(), [normal(mean, std).log_prob(x).exp().tolist() for mean, std in normals]


def draw_normal_density(normals: tuple = NORMALS):
    """Normal densities for a few means and standard deviations; the area within one
    standard deviation of the first is shaded."""
    x, densities = normal_density_data(normals)
    fig, ax = style.new_figure(width=6.0, height=3.2)
    for colour, (mean, std), density in zip(style.VARIANTS, normals, densities):
        ax.plot(x, density, color=colour, label=f"μ = {mean:g}, σ = {std:g}")
    mean, std = normals[0]
    inside = [(u, d) for u, d in zip(x, densities[0]) if abs(u - mean) <= std]
    ax.fill_between([u for u, _ in inside], [d for _, d in inside], color=style.VARIANTS[0], alpha=0.15,
                    linewidth=0, label="68.3 % of the area")
    ax.set_xlabel("x")
    ax.set_ylabel("density f(x)")
    ax.set_title("Normal densities: the mean shifts, σ widens and lowers")
    ax.legend(loc="upper right", fontsize=8)
    return fig


def poisson_pmf_data(rates: tuple = POISSON_RATES, k_max: int = 16):
    """`(k, pmfs)`: `Poisson(rate).log_prob(k).exp()` for k = 0..k_max and each rate, as lists."""
    import torch

    k = torch.arange(k_max + 1, dtype=torch.float64)
    poisson = torch.distributions.Poisson
    return k.tolist(), [poisson(torch.tensor(rate, dtype=torch.float64)).log_prob(k).exp().tolist() for rate in rates]


def draw_poisson_pmf(rates: tuple = POISSON_RATES):
    """P(X = k) of Poisson distributions with a few rates, as stems side by side."""
    k, pmfs = poisson_pmf_data(rates)
    fig, ax = style.new_figure(width=6.0, height=3.2)
    offsets = (-0.22, 0.0, 0.22)
    for colour, offset, rate, pmf in zip(style.VARIANTS, offsets, rates, pmfs):
        xs = [v + offset for v in k]
        ax.vlines(xs, 0, pmf, color=colour, linewidth=1.6)
        ax.plot(xs, pmf, "o", color=colour, markersize=3.5, label=f"λ = {rate:g}")
    ax.set_xticks(range(0, len(k), 2))
    ax.set_xlabel("k (number of events)")
    ax.set_ylabel("P(X = k)")
    ax.set_title("Poisson probabilities: mean and variance both λ")
    ax.legend(loc="upper right", fontsize=8)
    return fig


def binary_entropy_data(points: int = 201):
    """`(p, nats, bits)` as lists: `Bernoulli(probs=p).entropy()` on `linspace(0, 1)`, and the same divided by ln 2."""
    import torch

    p = torch.linspace(0.0, 1.0, points, dtype=torch.float64)
    nats = torch.distributions.Bernoulli(probs=p).entropy()
    return p.tolist(), nats.tolist(), (nats / math.log(2)).tolist()


def draw_binary_entropy():
    """Entropy of a coin with P(heads) = p, in bits and in nats."""
    p, nats, bits = binary_entropy_data()
    fig, ax = style.new_figure(width=5.0, height=3.2)
    ax.plot(p, bits, color=style.FUNCTION, label="H(p) in bits (log base 2)")
    ax.plot(p, nats, color=style.DERIVATIVE, linestyle="--", label="H(p) in nats (natural log)")
    ax.axvline(0.5, color="#808080", linewidth=0.8)
    ax.set_xlabel("p = P(X = 1)")
    ax.set_ylabel("entropy")
    ax.set_title("Binary entropy: largest for a fair coin")
    ax.legend(loc="lower center", fontsize=8)
    return fig


def coin_likelihood_data(heads: int = 7, tosses: int = 10, points: int = 199):
    """Likelihood and negative log-likelihood of `heads` heads in `tosses` tosses, as functions of p.

    Returns `(p, likelihood, nll)` as lists: `nll` is minus the sum of
    `Bernoulli(probs=p).log_prob(x)` over the tosses `x` (1 = heads), and
    `likelihood` is `exp(-nll)`.
    """
    import torch

    p = torch.linspace(0.005, 0.995, points, dtype=torch.float64)
    x = torch.tensor([1.0] * heads + [0.0] * (tosses - heads), dtype=torch.float64)
    log_lik = torch.distributions.Bernoulli(probs=p[:, None]).log_prob(x).sum(dim=1)
    return p.tolist(), log_lik.exp().tolist(), (-log_lik).tolist()


def draw_coin_likelihood(heads: int = 7, tosses: int = 10):
    """Left: the likelihood L(p); right: the negative log-likelihood; both peak/bottom at heads / tosses."""
    p, likelihood, nll = coin_likelihood_data(heads, tosses)
    best = heads / tosses
    fig, (left, right) = style.new_figure(ncols=2, width=8.4, height=3.0)
    left.plot(p, likelihood, color=style.FUNCTION)
    left.set_title(f"Likelihood of {heads} heads in {tosses} tosses")
    left.set_ylabel("L(p)")
    right.plot(p, nll, color=style.DERIVATIVE)
    right.set_ylim(0, 30)
    right.set_title("Negative log-likelihood -log L(p)")
    for ax in (left, right):
        ax.axvline(best, color="#808080", linestyle=":", linewidth=1.2)
        ax.set_xlabel(f"p = P(heads)   (dotted: p = {best:g})")
    return fig


FIGURES = [
    Figure("foundations/exp-log", draw_exp_log, {}),
    Figure("foundations/log-scale", draw_log_scale, {}),
    Figure("foundations/logistic", draw_logistic, {}),
    Figure("foundations/normal-density", draw_normal_density, {"normals": NORMALS}),
    Figure("foundations/poisson-pmf", draw_poisson_pmf, {"rates": POISSON_RATES}),
    Figure("foundations/binary-entropy", draw_binary_entropy, {}),
    Figure("foundations/coin-likelihood", draw_coin_likelihood, {}),
]

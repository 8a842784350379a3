"""Checks for docs/losses/regression.md.

- Every per-element formula on the page is implemented by hand and compared with torch,
  for every reduction and for several parameter settings.
- Every section's property table is parsed from the page: the signature's defaults are
  compared with `inspect.signature`; the slope, the best constant prediction and the
  likelihood cells are computed.
- The claims of the prose and the numbers it quotes are recomputed, and every figure's
  data is compared with the hand formulas of the module it claims to draw.
"""

from __future__ import annotations

import ast
import inspect
import math
import re

import pytest
import torch
from torch import distributions as D
from torch import nn

from tests.checks import assert_defaults, property_table, sections
from tests.test_losses import links, page_text

PAGE = "regression.md"
MODULES = ["MSELoss", "L1Loss", "HuberLoss", "SmoothL1Loss", "PoissonNLLLoss", "GaussianNLLLoss"]
F64 = torch.float64


def close(a, b, **kw):
    torch.testing.assert_close(torch.as_tensor(a, dtype=F64), torch.as_tensor(b, dtype=F64), **kw)


def page_sections() -> dict[str, str]:
    return sections(page_text(PAGE))


def properties(name: str) -> dict[str, str]:
    return property_table(page_sections()[name])


# -- the formulas of the page, by hand ----------------------------------------------


def hand(name: str, x, y, var=None, **params) -> torch.Tensor:
    """The per-element loss l_i of the page, with torch's parameter names."""
    d = x - y
    if name == "MSELoss":
        return d**2
    if name == "L1Loss":
        return d.abs()
    if name == "HuberLoss":
        delta = params.get("delta", 1.0)
        return torch.where(d.abs() <= delta, 0.5 * d**2, delta * (d.abs() - 0.5 * delta))
    if name == "SmoothL1Loss":
        beta = params.get("beta", 1.0)
        if beta == 0:
            return d.abs()
        return torch.where(d.abs() < beta, d**2 / (2 * beta), d.abs() - 0.5 * beta)
    if name == "PoissonNLLLoss":
        eps = params.get("eps", 1e-8)
        loss = torch.exp(x) - y * x if params.get("log_input", True) else x - y * torch.log(x + eps)
        if params.get("full", False):
            safe = torch.where(y > 1, y, torch.ones_like(y))
            loss = loss + torch.where(y > 1, safe * safe.log() - safe + 0.5 * torch.log(2 * math.pi * safe), torch.zeros_like(y))
        return loss
    if name == "GaussianNLLLoss":
        v = torch.clamp(var, min=params.get("eps", 1e-6))
        loss = 0.5 * (v.log() + d**2 / v)
        return loss + 0.5 * math.log(2 * math.pi) if params.get("full", False) else loss
    raise AssertionError(name)


SETTINGS = {
    "MSELoss": [{}],
    "L1Loss": [{}],
    "HuberLoss": [{}, {"delta": 0.5}, {"delta": 2.0}, {"delta": 10.0}],
    "SmoothL1Loss": [{}, {"beta": 0.0}, {"beta": 0.5}, {"beta": 2.0}],
    "PoissonNLLLoss": [{}, {"full": True}, {"log_input": False}, {"log_input": False, "full": True}, {"log_input": False, "eps": 0.1}],
    "GaussianNLLLoss": [{}, {"full": True}, {"eps": 0.05}],
}


def example(name: str, **params):
    """Inputs for one loss: errors on both sides of every kink, counts, variances around eps."""
    gen = torch.Generator().manual_seed(0)
    y = torch.randn(4, 25, generator=gen, dtype=F64) * 2
    x = y + torch.linspace(-4, 4, 100, dtype=F64).reshape(4, 25)
    var = None
    if name == "PoissonNLLLoss":
        y = torch.cat([torch.tensor([0.0, 0.5, 1.0, 1.5, 2.0, 3.0, 7.0, 20.0], dtype=F64), torch.randint(0, 10, (92,), generator=gen).to(F64)]).reshape(4, 25)
        if not params.get("log_input", True):
            x = x.abs() + torch.cat([torch.zeros(1, dtype=F64), torch.full((99,), 0.05, dtype=F64)]).reshape(4, 25)  # one rate is 0
    if name == "GaussianNLLLoss":
        var = torch.rand(4, 25, generator=gen, dtype=F64) * 3
        var[0, :3] = torch.tensor([0.0, 1e-8, 1e-3])  # below and near the clamp
    return x, y, var


def call(name: str, reduction: str, x, y, var=None, **params):
    loss = getattr(nn, name)(reduction=reduction, **params)
    return loss(x, y, var) if name == "GaussianNLLLoss" else loss(x, y)


# -- the page --------------------------------------------------------------------------


def test_the_page_has_one_section_per_loss_in_this_order():
    assert [h for h in page_sections() if h in nn.modules.loss.__all__] == MODULES
    assert list(page_sections()) == ["Notation and reduction", *MODULES[:4], "Outliers and robust losses", *MODULES[4:]]


@pytest.mark.parametrize("name", MODULES)
def test_formula_with_every_reduction(name):
    for params in SETTINGS[name]:
        x, y, var = example(name, **params)
        per_element = hand(name, x, y, var, **params)
        close(call(name, "none", x, y, var, **params), per_element, msg=f"{name}({params}) none")
        close(call(name, "mean", x, y, var, **params), per_element.sum() / per_element.numel(), msg=f"{name}({params}) mean")
        close(call(name, "sum", x, y, var, **params), per_element.sum(), msg=f"{name}({params}) sum")


def test_mean_divides_by_all_elements():
    x, y = torch.randn(32, 4, dtype=F64), torch.randn(32, 4, dtype=F64)
    close(nn.MSELoss()(x, y), nn.MSELoss(reduction="sum")(x, y) / 128)
    xs = x.clone().requires_grad_(True)
    nn.MSELoss()(xs, y).backward()
    close(xs.grad, 2 * (x - y) / 128)  # the per-element slope divided by n


# -- the property tables -----------------------------------------------------------------


@pytest.mark.parametrize("name", MODULES)
def test_signature_and_defaults(name):
    code = properties(name)["Signature"].strip("`")
    call_node = ast.parse(code.replace("(*, ", "("), mode="eval").body
    assert isinstance(call_node, ast.Call) and ast.unparse(call_node.func) == f"nn.{name}"
    cls = getattr(nn, name)
    parameters = inspect.signature(cls).parameters
    assert not call_node.args
    stated = {kw.arg: ast.literal_eval(kw.value) for kw in call_node.keywords}
    assert list(stated) == list(parameters), f"{name}: the page lists {list(stated)}"
    assert_defaults(cls, **stated)
    if "(*, " in code:
        assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters.values())


def test_defaults_stated_in_the_prose():
    assert_defaults(nn.SmoothL1Loss, beta=1.0, reduction="mean")
    assert_defaults(nn.HuberLoss, delta=1.0, reduction="mean")
    assert_defaults(nn.PoissonNLLLoss, log_input=True, full=False, eps=1e-8)
    assert_defaults(nn.GaussianNLLLoss, full=False, eps=1e-6)
    for name in ("L1Loss", "MSELoss", "SmoothL1Loss", "PoissonNLLLoss"):
        assert_defaults(getattr(nn, name), size_average=None, reduce=None)


def slope(name: str, x, y, var=None, **params) -> torch.Tensor:
    """d l_i / d x_i by autograd."""
    x = x.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(call(name, "sum", x, y, var, **params), x)
    return grad


SLOPE_CELLS = {
    "MSELoss": ("$2 d_i$", lambda d, **p: 2 * d),
    "L1Loss": (r"$\operatorname{sign}(d_i)$, and 0 at $d_i = 0$", lambda d, **p: torch.sign(d)),
    "HuberLoss": (r"$\operatorname{clip}(d_i, -\delta, \delta)$", lambda d, delta=1.0, **p: d.clamp(-delta, delta)),
    "SmoothL1Loss": (r"$\operatorname{clip}(d_i / \beta, -1, 1)$", lambda d, beta=1.0, **p: (d / beta).clamp(-1, 1)),
    "PoissonNLLLoss": (r"$e^{x_i} - y_i = \lambda_i - y_i$ (log\_input=True)", None),
    "GaussianNLLLoss": (r"$d_i / v_i$", None),
}


@pytest.mark.parametrize("name", MODULES)
def test_slope_cell(name):
    text, formula = SLOPE_CELLS[name]
    assert properties(name)["Slope $\\partial \\ell_i / \\partial x_i$"] == text
    for params in SETTINGS[name]:
        x, y, var = example(name, **params)
        d = x - y
        if name == "PoissonNLLLoss":
            if not params.get("log_input", True):
                continue
            expected = torch.exp(x) - y
        elif name == "GaussianNLLLoss":
            expected = d / var.clamp(min=params.get("eps", 1e-6))
        elif name == "SmoothL1Loss" and params.get("beta") == 0.0:
            expected = torch.sign(d)
        else:
            expected = formula(d, **params)
        close(slope(name, x, y, var, **params), expected, msg=f"{name}({params})")
    if name == "L1Loss":  # the kink: autograd uses 0
        assert slope(name, torch.zeros(3, dtype=F64), torch.zeros(3, dtype=F64)).tolist() == [0.0, 0.0, 0.0]


def best_constant(name: str, y: torch.Tensor, lo: float, hi: float, points: int = 200001, **params) -> float:
    c = torch.linspace(lo, hi, points, dtype=F64)
    pred = c[:, None].expand(-1, len(y))
    loss = getattr(nn, name)(reduction="none", **params)(pred, y.expand_as(pred)).mean(1)
    return c[loss.argmin()].item()


def test_best_constant_cells():
    cells = {name: properties(name)["Best constant prediction"] for name in MODULES}
    assert cells == {
        "MSELoss": "the mean of the targets",
        "L1Loss": "the median of the targets",
        "HuberLoss": r"the mean of the targets, each first pulled to within $\delta$ of it",
        "SmoothL1Loss": r"the same as HuberLoss with $\delta = \beta$",
        "PoissonNLLLoss": "the log of the mean count",
        "GaussianNLLLoss": "the mean of the targets, with variance their mean squared deviation",
    }
    gen = torch.Generator().manual_seed(3)
    y = torch.cat([torch.randn(30, generator=gen, dtype=F64), torch.tensor([8.0, 12.0], dtype=F64)])  # skewed, with outliers
    step = 1e-4
    assert best_constant("MSELoss", y, -2, 4, 60001) == pytest.approx(y.mean().item(), abs=step)
    odd = y[:-1]
    assert best_constant("L1Loss", odd, -2, 4, 60001) == pytest.approx(odd.median().item(), abs=step)
    for delta in (0.5, 1.0, 2.0):
        c = best_constant("HuberLoss", y, -2, 4, 60001, delta=delta)
        assert c == pytest.approx(y.clamp(c - delta, c + delta).mean().item(), abs=2 * step)
        assert best_constant("SmoothL1Loss", y, -2, 4, 60001, beta=delta) == pytest.approx(c, abs=step)
    counts = torch.tensor([0.0, 1.0, 1.0, 2.0, 4.0, 7.0], dtype=F64)
    assert best_constant("PoissonNLLLoss", counts, -2, 3, 50001) == pytest.approx(math.log(counts.mean().item()), abs=step)
    # Gaussian: constant mean and variance; the gradient of the mean loss vanishes at (mean, biased variance)
    mu = y.mean().clone().requires_grad_(True)
    var = ((y - y.mean()) ** 2).mean().clone().requires_grad_(True)
    loss = nn.GaussianNLLLoss()(mu.expand_as(y), y, var.expand_as(y))
    assert all(abs(g.item()) < 1e-12 for g in torch.autograd.grad(loss, (mu, var)))


def test_likelihood_cells():
    cells = {name: properties(name)["Negative log-likelihood of"] for name in MODULES}
    assert cells == {
        "MSELoss": "a Gaussian with fixed variance",
        "L1Loss": "a Laplace distribution with fixed scale",
        "HuberLoss": "a density that is Gaussian in the centre with Laplace tails",
        "SmoothL1Loss": "the same family as HuberLoss",
        "PoissonNLLLoss": "a Poisson distribution",
        "GaussianNLLLoss": "a Gaussian with predicted mean and variance",
    }
    y, mu = torch.randn(2, 40, dtype=F64)
    const = -D.Normal(mu, 1.0).log_prob(y) - nn.MSELoss(reduction="none")(mu, y) / 2
    close(const, torch.full_like(y, 0.5 * math.log(2 * math.pi)))
    const = -D.Laplace(mu, 1.0).log_prob(y) - nn.L1Loss(reduction="none")(mu, y)
    close(const, torch.full_like(y, math.log(2)))
    # exp(-Huber) is a Gaussian density inside [-delta, delta] and a Laplace density outside
    delta = 1.5
    d = torch.linspace(-6, 6, 1201, dtype=F64)
    log_density = -nn.HuberLoss(reduction="none", delta=delta)(d, torch.zeros_like(d))
    inside, outside = d.abs() <= delta, d > delta
    close(log_density[inside], -(d[inside] ** 2) / 2)  # log of exp(-d^2 / 2), up to the normaliser
    assert torch.allclose(log_density[outside].diff() / d[outside].diff(), torch.tensor(-delta, dtype=F64))  # log-linear tail
    # SmoothL1: exp(-SmoothL1_beta) = exp(-Huber_beta / beta), the same shape family
    for beta in (0.5, 2.0):
        close(nn.SmoothL1Loss(reduction="none", beta=beta)(d, 0 * d), nn.HuberLoss(reduction="none", delta=beta)(d, 0 * d) / beta)
    k, log_rate = torch.randint(0, 9, (40,)).to(F64), torch.randn(40, dtype=F64)
    close(nn.PoissonNLLLoss(reduction="none")(log_rate, k) + torch.lgamma(k + 1), -D.Poisson(log_rate.exp()).log_prob(k))
    var = torch.rand(40, dtype=F64) + 0.1
    close(nn.GaussianNLLLoss(reduction="none", full=True)(mu, y, var), -D.Normal(mu, var.sqrt()).log_prob(y))


# -- claims in the prose ----------------------------------------------------------------------


def test_mse_claims():
    x, y = torch.randn(2, 20, dtype=F64)
    close(nn.MSELoss(reduction="sum")(x, y), torch.linalg.vector_norm(x - y) ** 2)
    costs = nn.MSELoss(reduction="none")(torch.tensor([10.0, 1.0]), torch.zeros(2))
    assert costs[0] / costs[1] == 100
    pulls = slope("MSELoss", torch.tensor([10.0, 1.0], dtype=F64), torch.zeros(2, dtype=F64))
    assert pulls[0] / pulls[1] == 10


def test_example_numbers_quoted_in_the_prose():
    pred = torch.tensor([2.5, 0.0, 2.0, 10.0], dtype=F64)
    target = torch.tensor([3.0, -0.5, 2.0, 7.0], dtype=F64)
    per = nn.MSELoss(reduction="none")(pred, target)
    assert per[3].item() == 9 and per.sum().item() == 9.5
    g = slope("MSELoss", pred, target)
    assert g[3] / g[1] == 6 and g[3] / -g[0] == 6
    g = slope("L1Loss", pred, target)
    assert g[3].abs() == g[0].abs() == g[1].abs()
    assert nn.HuberLoss()(pred, target).item() == nn.SmoothL1Loss()(pred, target).item() == 0.6875


def test_laplace_density():
    b, d = 0.8, torch.linspace(-3, 3, 61, dtype=F64)
    close(torch.exp(-d.abs() / b) / (2 * b), D.Laplace(0.0, b).log_prob(d).exp())


def test_l1_best_constant_is_any_value_between_the_middle_two_for_an_even_count():
    y = torch.tensor([1.0, 2.0, 4.0, 9.0], dtype=F64)
    c = torch.linspace(2.0, 4.0, 21, dtype=F64)
    loss = nn.L1Loss(reduction="none")(c[:, None].expand(-1, 4), y.expand(21, 4)).mean(1)
    close(loss, torch.full_like(loss, loss[0].item()))
    assert nn.L1Loss()(torch.full((4,), 1.9, dtype=F64), y) > loss[0]


def test_huber_claims():
    d = torch.linspace(-5, 5, 1001, dtype=F64)
    zero = torch.zeros_like(d)
    for delta in (0.5, 1.0, 2.0):
        # value and slope are continuous at |d| = delta
        eps = 1e-9
        edge = torch.tensor([delta - eps, delta + eps, -delta - eps, -delta + eps], dtype=F64)
        values = nn.HuberLoss(reduction="none", delta=delta)(edge, torch.zeros(4, dtype=F64))
        slopes = slope("HuberLoss", edge, torch.zeros(4, dtype=F64), delta=delta)
        assert values[0].item() == pytest.approx(values[1].item(), abs=1e-8) and slopes[0].item() == pytest.approx(slopes[1].item(), abs=1e-8)
        close(nn.HuberLoss(reduction="none", delta=delta)(d, zero), delta * nn.SmoothL1Loss(reduction="none", beta=delta)(d, zero))
    close(nn.HuberLoss(reduction="none")(d, zero), nn.SmoothL1Loss(reduction="none")(d, zero))  # identical at delta = beta = 1
    close(nn.HuberLoss(delta=100.0)(d, zero), 0.5 * nn.MSELoss()(d, zero))  # large delta: half the MSE
    small = nn.HuberLoss(reduction="none", delta=1e-4)(d, zero)
    close(small, 1e-4 * d.abs(), atol=1e-8, rtol=0)  # small delta: delta * |d|
    for bad in (0.0, -1.0):
        with pytest.raises(RuntimeError):
            nn.HuberLoss(delta=bad)(d, zero)
    # clipped gradient: never larger than delta
    assert slope("HuberLoss", d, zero, delta=0.5).abs().max().item() == 0.5


def test_smooth_l1_claims():
    d = torch.linspace(-5, 5, 1001, dtype=F64)
    zero = torch.zeros_like(d)
    close(nn.SmoothL1Loss(reduction="none", beta=0.0)(d, zero), d.abs())
    with pytest.raises(RuntimeError):
        nn.SmoothL1Loss(beta=-1.0)(d, zero)
    for beta in (0.25, 1.0, 3.0):
        s = slope("SmoothL1Loss", d, zero, beta=beta)
        assert s.abs().max().item() == 1.0
        assert (s[d.abs() >= beta].abs() == 1).all()  # slope 1 outside the parabola, whatever beta
    pred = torch.tensor([2.5, 0.0, 2.0, 10.0], dtype=F64)
    target = torch.tensor([3.0, -0.5, 2.0, 7.0], dtype=F64)
    assert nn.SmoothL1Loss(beta=1e6)(pred, target).item() < 2e-6  # huge beta: the loss goes to 0


def test_mean_vs_median_numbers():
    y = torch.tensor([4.8, 5.1, 4.9, 5.3, 5.0, 5.2, 50.0], dtype=F64)
    assert f"{best_constant('MSELoss', y, 0, 60, 60001):.3f}" == f"{y.mean():.3f}" == "11.471"
    assert f"{best_constant('L1Loss', y, 0, 60, 60001):.3f}" == f"{y.median():.3f}" == "5.100"
    c = best_constant("HuberLoss", y, 0, 60, 60001)
    assert f"{c:.3f}" == "5.217"
    exact = (y[:6].sum().item() + 1) / 6
    assert y[:6].sum().item() == pytest.approx(30.3) and round(exact, 3) == 5.217
    assert all(abs(exact - v) <= 1 for v in y[:6].tolist())  # the six inliers lie within delta = 1 of c
    assert exact == pytest.approx(y.clamp(exact - 1, exact + 1).mean().item())  # the typo counts as c + 1
    assert round(exact + 1, 3) == 6.217


def test_poisson_claims():
    lam = torch.tensor(3.5, dtype=F64)
    k = torch.arange(0, 60, dtype=F64)
    pmf = lam**k * torch.exp(-lam) / torch.exp(torch.lgamma(k + 1))
    close(-pmf.log(), lam - k * lam.log() + torch.lgamma(k + 1))
    assert (k * pmf).sum().item() == pytest.approx(3.5) and ((k - 3.5) ** 2 * pmf).sum().item() == pytest.approx(3.5)
    loss = nn.PoissonNLLLoss(reduction="none")
    # minimum at log-rate log(y), value y - y log(y), negative for y > e
    for y in (1.0, 2.0, 3.0, 7.0):
        x = torch.linspace(math.log(y) - 1, math.log(y) + 1, 20001, dtype=F64)
        values = loss(x, torch.full_like(x, y))
        assert x[values.argmin()].item() == pytest.approx(math.log(y), abs=1e-4)
        assert values.min().item() == pytest.approx(y - y * math.log(y), abs=1e-8)
        assert (values.min().item() < 0) == (y > math.e)
    x = torch.linspace(-10, 5, 301, dtype=F64)
    assert (loss(x, torch.zeros_like(x)).diff() > 0).all()  # k = 0: keeps decreasing as the rate goes to 0
    # full=True: Stirling only for targets above 1; for the counts 0 and 1 log k! = 0 anyway
    t = torch.tensor([0.0, 0.5, 1.0, 1.01, 2.0], dtype=F64)
    z = torch.zeros_like(t)
    extra = nn.PoissonNLLLoss(reduction="none", full=True)(z, t) - loss(z, t)
    assert extra[:3].tolist() == [0.0, 0.0, 0.0] and (extra[3:] != 0).all()
    assert torch.lgamma(torch.tensor([1.0, 2.0])).tolist() == [0.0, 0.0]
    # Stirling's approximation is close and relatively better as k grows
    k = torch.arange(2, 60, dtype=F64)
    stirling = k * k.log() - k + 0.5 * torch.log(2 * math.pi * k)
    relative = (torch.lgamma(k + 1) - stirling) / torch.lgamma(k + 1)
    assert (relative > 0).all() and (relative.diff() < 0).all()
    # torch does not check the targets
    loss(torch.zeros(3), torch.tensor([-1.0, 0.5, 2.7]))
    # eps only matters for log_input=False: a rate of exactly 0 gives a finite loss
    assert math.isfinite(nn.PoissonNLLLoss(log_input=False)(torch.zeros(1), torch.ones(1)).item())


def test_poisson_example_numbers():
    counts = torch.tensor([0.0, 1.0, 3.0, 7.0])
    log_rate = torch.tensor([0.0, 0.5, 1.0, 2.0])
    stirling = nn.PoissonNLLLoss(full=True, reduction="none")(log_rate, counts) - nn.PoissonNLLLoss(reduction="none")(log_rate, counts)
    exact = torch.lgamma(counts + 1)
    assert [round(v, 4) for v in stirling.tolist()] == [0.0, 0.0, 1.7641, 8.5133]
    assert [round(v, 4) for v in exact.tolist()] == [0.0, 0.0, 1.7918, 8.5252]


def test_gaussian_claims():
    loss = nn.GaussianNLLLoss(reduction="none")
    mu, y = torch.randn(2, 6, dtype=F64)
    full = nn.GaussianNLLLoss(reduction="none", full=True)
    var = torch.rand(6, dtype=F64) + 0.1
    close(full(mu, y, var) - loss(mu, y, var), torch.full((6,), 0.5 * math.log(2 * math.pi), dtype=F64))
    assert round(0.5 * math.log(2 * math.pi), 4) == 0.9189
    # the clamp is invisible to autograd: the gradient is that of the formula at the clamped value
    v = torch.tensor([0.0, 1e-9, 0.5], dtype=F64, requires_grad=True)
    m, t = torch.tensor([1.0, 1.0, 1.0], dtype=F64), torch.tensor([1.0, 2.0, 1.5], dtype=F64)
    (grad,) = torch.autograd.grad(loss(m, t, v).sum(), v)
    clamped = v.detach().clamp(min=1e-6)
    close(grad, 0.5 * (1 / clamped - (m - t) ** 2 / clamped**2))
    assert (grad[:2] != 0).all()  # a real clamp would give zero gradient below eps
    # var shapes: same as the input, one dimension short, a float; negative values refused
    x, target = torch.randn(2, 4, 3, dtype=F64)
    per_sample = torch.rand(4, dtype=F64) + 0.1
    close(loss(x, target, per_sample), loss(x, target, per_sample[:, None].expand(4, 3)))
    close(loss(x, target, 0.7), loss(x, target, torch.full((4, 3), 0.7, dtype=F64)))
    with pytest.raises(ValueError):
        loss(x, target, -torch.ones(4, 3, dtype=F64))
    # the best variance for a fixed error is d^2, with loss (log d^2 + 1) / 2
    for d in (0.5, 1.0, 3.0):
        vs = torch.logspace(-3, 3, 60001, dtype=F64)
        values = loss(torch.full_like(vs, d), torch.zeros_like(vs), vs)
        assert vs[values.argmin()].item() == pytest.approx(d * d, rel=1e-3)
        assert values.min().item() == pytest.approx(0.5 * (math.log(d * d) + 1), abs=1e-7)
        assert loss(torch.tensor([d]), torch.zeros(1), torch.tensor([d * d])).item() == pytest.approx(0.5 * (math.log(d * d) + 1))
    assert round(0.5 * (math.log(9) + 1), 4) == 1.5986
    # variance fixed at 1: half the squared error
    close(loss(mu, y, torch.ones(6, dtype=F64)), 0.5 * (mu - y) ** 2)
    # small variances make the loss negative
    assert loss(torch.zeros(1, dtype=F64), torch.zeros(1, dtype=F64), torch.tensor([0.25], dtype=F64)).item() < 0


def test_gaussian_example_numbers():
    target = torch.tensor([3.0, -0.5, 2.0, 7.0])
    mean = torch.tensor([2.5, 0.0, 2.0, 10.0])
    var = nn.functional.softplus(torch.tensor([0.0, -1.0, -3.0, 2.0]))
    assert round(nn.GaussianNLLLoss()(mean, target, var).item(), 4) == 0.1992
    values = nn.GaussianNLLLoss(reduction="none")(torch.full((5,), 3.0), torch.zeros(5), torch.tensor([1.0, 4.0, 9.0, 16.0, 25.0]))
    assert values.argmin().item() == 2


# -- figures ------------------------------------------------------------------------------------


def test_every_figure_is_declared_and_shown():
    from plots.families import losses as family

    declared = {fig.name for fig in family.FIGURES}
    text = page_text(PAGE)
    shown = set(re.findall(r"\]\(\.\./figures/([^)]+)\.svg\)", text))
    assert shown == declared | {"losses/mseloss", "losses/l1loss", "losses/logcosh-quantile"}  # from losses_sections
    found = page_sections()
    for name in ("SmoothL1Loss", "HuberLoss", "PoissonNLLLoss", "GaussianNLLLoss"):
        assert f"../figures/losses/{name.lower()}.svg)" in found[name]
    assert "../figures/losses/regression.svg)" in found["Notation and reduction"]
    assert "../figures/losses/regression-robust-fit.svg)" in found["Outliers and robust losses"]


def test_error_curve_figures_match_the_formulas():
    from plots.families import losses as family

    for fig in family.FIGURES:
        if fig.draw is not family.draw_error_curves:
            continue
        curves = fig.params["curves"]
        for (module, kwargs), (d, loss, grad) in zip(curves, family.error_curves(curves)):
            d = torch.tensor(d, dtype=F64)
            params = dict(kwargs)
            assert d[0] == family.ERROR_RANGE[0] and d[-1] == family.ERROR_RANGE[1] and (d == 0).sum() == 1
            close(loss, hand(module, d, torch.zeros_like(d), **params), msg=f"{fig.name} {module}{params}")
            expected_slope = SLOPE_CELLS[module][1](d, **params) if params.get("beta") != 0.0 else torch.sign(d)
            close(grad, expected_slope, msg=f"{fig.name} {module}{params} slope")
    overview = [c for f in family.FIGURES if f.name == "losses/regression" for c in f.params["curves"]]
    assert {m for m, _ in overview} == {"L1Loss", "MSELoss", "HuberLoss", "SmoothL1Loss"}


def test_poisson_figure_matches_the_formula():
    from plots.families import losses as family

    for k, (x, loss, grad) in zip(family.POISSON_COUNTS, family.poisson_data()):
        x = torch.tensor(x, dtype=F64)
        close(loss, torch.exp(x) - k * x)
        close(grad, torch.exp(x) - k)
        if k > 0:  # the dot drawn at the minimum
            assert x[0] < math.log(k) < x[-1]


def test_gaussian_figure_matches_the_formula():
    from plots.families import losses as family

    by_variance, by_error = family.gaussian_data()
    for d, (var, loss) in zip(family.GAUSSIAN_ERRORS, by_variance):
        var = torch.tensor(var, dtype=F64)
        assert var[0].item() == pytest.approx(0.05, rel=1e-4) and var[-1].item() == pytest.approx(20, rel=1e-4)
        close(loss, 0.5 * (var.log() + d**2 / var))
        assert var[0] < d * d < var[-1]
    for v, (d, loss) in zip(family.GAUSSIAN_VARIANCES, by_error):
        d = torch.tensor(d, dtype=F64)
        close(loss, 0.5 * (math.log(v) + d**2 / v))
    assert min(family.GAUSSIAN_VARIANCES) == 0.25 and 0.5 * math.log(0.25) < 0  # the narrow parabola dips below 0


def test_robust_fit_figure():
    from plots.families import losses as family

    data = family.robust_fit_data()
    x, y = torch.tensor(data["x"], dtype=F64), torch.tensor(data["y"], dtype=F64)
    assert len(x) == 20 and len(family.OUTLIERS) == 3 and all(5 <= s <= 6 for s in family.OUTLIERS.values())
    # the grid search, redone with the hand formulas
    b = torch.linspace(*family.INTERCEPTS, dtype=F64)
    a = torch.linspace(*family.SLOPES, dtype=F64)
    B, A = torch.meshgrid(b, a, indexing="ij")
    d = B[..., None] + A[..., None] * x - y
    for module in family.FIT_LOSSES:
        loss = hand(module, d, torch.zeros_like(d)).mean(-1)
        best = loss.argmin()
        assert data["fits"][module] == pytest.approx((B.flatten()[best].item(), A.flatten()[best].item()))
    # least squares in closed form agrees with the MSE grid point to the grid's resolution
    exact = torch.linalg.lstsq(torch.stack([torch.ones_like(x), x], 1), y[:, None]).solution.flatten()
    assert data["fits"]["MSELoss"] == pytest.approx(exact.tolist(), abs=0.02)
    # the numbers in the alt text, and the order: MSE tilted most, L1 closest to the true slope 2
    text = page_sections()["Outliers and robust losses"]
    for module, (intercept, gradient) in data["fits"].items():
        assert f"{module} fit y = {intercept:.2f} + {gradient:.2f}x" in text
    slopes = {m: s for m, (_, s) in data["fits"].items()}
    assert abs(slopes["L1Loss"] - 2) < abs(slopes["HuberLoss"] - 2) < abs(slopes["MSELoss"] - 2)
    assert abs(slopes["HuberLoss"] - slopes["L1Loss"]) < abs(slopes["HuberLoss"] - slopes["MSELoss"])


def test_links_to_the_index_exist():
    text = page_text(PAGE)
    index = sections(page_text("index.md"))
    for _, page, anchor in links(text):
        if page == "index.md":
            slug = {re.sub(r"[^a-z0-9 -]", "", h.lower()).replace(" ", "-") for h in index}
            assert anchor in slug, anchor


def test_rendered_figures_are_light():
    from plots.build import CACHE
    from plots.families import losses as family

    for fig in family.FIGURES:
        path = CACHE / f"{fig.name}.svg"
        if path.exists():
            assert path.stat().st_size < 40_000, f"{path.name} is {path.stat().st_size} bytes"


# -- the figures of MSELoss and L1Loss, and the losses torch does not ship ---------------------


@pytest.mark.parametrize("module", ["MSELoss", "L1Loss"])
def test_best_constant_figures(module):
    from plots.families import losses_sections as family

    data = family.best_constant_data(module)
    c = torch.tensor(data["x"], dtype=F64)
    for targets, curve in zip((family.TARGETS, family.TARGETS_OUTLIER), data["curves"]):
        y = torch.tensor(targets, dtype=F64)
        d = c[:, None] - y
        if module == "MSELoss":
            close(curve["loss"], (d**2).mean(1))
            close(curve["grad"], 2 * d.mean(1))
            assert curve["mark"][0] == pytest.approx(y.mean().item()) and curve["mark"][1] == pytest.approx(y.var(correction=0).item())
        else:
            close(curve["loss"], d.abs().mean(1))
            close(curve["grad"], d.sign().mean(1))  # sign(0) = 0: autograd's choice at a kink
            assert curve["mark"][0] == pytest.approx(y.median().item())
    text = page_sections()[module]
    assert f"../figures/losses/{module.lower()}.svg)" in text
    marks = [curve["mark"] for curve in data["curves"]]
    if module == "MSELoss":
        assert [round(m[0], 1) for m in marks] == [3.0, 4.4] and [round(m[1], 2) for m in marks] == [2.0, 15.44]
        assert "minimum 2 at the mean c = 3" in text and "new mean 4.4 and raises it to 15.44" in text
    else:
        assert [m[0] for m in marks] == [3.0, 3.0] and [round(m[1], 1) for m in marks] == [1.2, 2.6]
        assert "median c = 3, 1.2 for the targets 1 to 5 and 2.6" in text and "steps of 0.4" in text


def test_log_cosh_and_quantile_losses():
    from plots.families import losses_sections as family

    d = torch.linspace(-30, 30, 601, dtype=F64)
    close(family.log_cosh_loss(d, torch.zeros_like(d)), torch.cosh(d).log())
    assert torch.cosh(torch.tensor(800.0, dtype=F64)).isinf()  # why the page uses the stable form
    x = d.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(family.log_cosh_loss(x, torch.zeros_like(x)).sum(), x)
    close(grad, torch.tanh(d))
    for tau in (0.1, 0.5, 0.9):
        r = -d  # target - prediction
        close(family.quantile_loss(d, torch.zeros_like(d), tau), torch.where(r >= 0, tau * r, (tau - 1) * r))
    close(2 * family.quantile_loss(d, torch.zeros_like(d), 0.5), nn.L1Loss(reduction="none")(d, torch.zeros_like(d)))
    # the minimiser of the pinball loss over constants is a tau-quantile: flat between 9 and 10 for 1..10
    y = torch.arange(1.0, 11.0, dtype=F64)
    for c, expected in ((9.0, 0.45), (9.5, 0.45), (10.0, 0.45), (8.9, None)):
        loss = family.quantile_loss(torch.full_like(y, c), y, 0.9).mean().item()
        assert loss == pytest.approx(expected) if expected else loss > 0.45
    data = family.log_cosh_quantile_data()
    for curve, tau in zip(data["curves"][1:], (0.1, 0.5, 0.9)):
        grads = set(curve["grad"])
        assert {round(-tau, 12), round(1 - tau, 12)} <= {round(g, 12) for g in grads}
    assert "../figures/losses/logcosh-quantile.svg)" in page_sections()["Outliers and robust losses"]

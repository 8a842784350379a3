"""Checks for docs/activations/smooth.md: formulas, defaults, properties and figure data."""

from __future__ import annotations

import math

import pytest
import torch
from torch import nn
from torch.nn import functional as F

from plots.curves import curve_data
from plots.families import activations_smooth as family
from tests.checks import assert_defaults

F64 = torch.float64
GRID = torch.linspace(-20, 20, 2001, dtype=F64)  # step 0.02, includes 0 and both tails
SMOOTH = ["Sigmoid", "Tanh", "LogSigmoid", "Softplus", "Softsign", "Tanhshrink",
          "ELU", "CELU", "SELU", "GELU", "SiLU", "Mish"]
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def close(actual, expected, **kw):
    torch.testing.assert_close(actual, torch.as_tensor(expected, dtype=actual.dtype), **kw)


def sigma(x):
    return 1 / (1 + torch.exp(-x))


def Phi(x):
    return 0.5 * (1 + torch.erf(x / math.sqrt(2)))


def softplus_hand(x, beta=1.0, threshold=20.0):
    return torch.where(beta * x > threshold, x, torch.log1p(torch.exp(beta * x)) / beta)


def elu_hand(x, alpha=1.0):
    return torch.where(x > 0, x, alpha * (torch.exp(x) - 1))


HAND = {
    ("Sigmoid", ()): sigma,
    ("Tanh", ()): lambda x: (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x)),
    ("LogSigmoid", ()): lambda x: torch.log(1 / (1 + torch.exp(-x))),
    ("Softplus", ()): softplus_hand,
    ("Softplus", (("beta", 0.5),)): lambda x: softplus_hand(x, beta=0.5),
    ("Softplus", (("beta", 2.0),)): lambda x: softplus_hand(x, beta=2.0),
    ("Softplus", (("threshold", 1.0),)): lambda x: softplus_hand(x, threshold=1.0),
    ("Softsign", ()): lambda x: x / (1 + x.abs()),
    ("Tanhshrink", ()): lambda x: x - torch.tanh(x),
    ("ELU", ()): elu_hand,
    ("ELU", (("alpha", 0.5),)): lambda x: elu_hand(x, 0.5),
    ("ELU", (("alpha", 2.0),)): lambda x: elu_hand(x, 2.0),
    ("CELU", ()): lambda x: x.clamp(min=0) + (torch.exp(x) - 1).clamp(max=0),
    ("CELU", (("alpha", 0.5),)): lambda x: x.clamp(min=0) + (0.5 * (torch.exp(x / 0.5) - 1)).clamp(max=0),
    ("CELU", (("alpha", 2.0),)): lambda x: x.clamp(min=0) + (2.0 * (torch.exp(x / 2.0) - 1)).clamp(max=0),
    ("SELU", ()): lambda x: SELU_SCALE * elu_hand(x, SELU_ALPHA),
    ("GELU", ()): lambda x: x / 2 * (1 + torch.erf(x / math.sqrt(2))),
    ("GELU", (("approximate", "tanh"),)): lambda x: 0.5 * x * (
        1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * x**3))),
    ("SiLU", ()): lambda x: x * sigma(x),
    ("Mish", ()): lambda x: x * torch.tanh(torch.log(1 + torch.exp(x))),
}


def module(name, kwargs=()):
    return getattr(nn, name)(**dict(kwargs))


def grad(name, x, kwargs=()):
    x = x.clone().requires_grad_(True)
    (dy,) = torch.autograd.grad(module(name, kwargs)(x).sum(), x)
    return dy


# ---------------------------------------------------------------- formulas


@pytest.mark.parametrize("key", list(HAND), ids=lambda k: f"{k[0]}{dict(k[1]) or ''}")
def test_hand_formula_equals_torch(key):
    name, kwargs = key
    close(module(name, kwargs)(GRID), HAND[key](GRID), rtol=1e-12, atol=1e-12)


def test_alternative_forms():
    x = GRID
    close(torch.tanh(x), 2 * sigma(2 * x) - 1, rtol=0, atol=1e-12)
    close(nn.LogSigmoid()(x), -nn.Softplus()(-x), rtol=0, atol=1e-12)
    close(nn.LogSigmoid()(x), -torch.log1p(torch.exp(-x)), rtol=1e-12, atol=1e-12)
    close(nn.Mish()(x), x * torch.tanh(F.softplus(x)), rtol=0, atol=1e-12)
    close(nn.SiLU()(x), F.silu(x), rtol=0, atol=0)
    close(nn.GELU()(x), x * Phi(x), rtol=0, atol=1e-12)
    close(nn.CELU()(x), nn.ELU()(x), rtol=0, atol=0)  # alpha = 1: exactly ELU


# ---------------------------------------------------------------- defaults


def test_defaults():
    assert_defaults(nn.Softplus, beta=1.0, threshold=20.0)
    assert_defaults(nn.ELU, alpha=1.0, inplace=False)
    assert_defaults(nn.CELU, alpha=1.0, inplace=False)
    assert_defaults(nn.SELU, inplace=False)
    assert_defaults(nn.GELU, approximate="none")
    assert_defaults(nn.SiLU, inplace=False)
    assert_defaults(nn.Mish, inplace=False)
    assert_defaults(nn.AlphaDropout, p=0.5, inplace=False)
    assert_defaults(nn.TransformerEncoderLayer, activation=F.relu)
    nn.TransformerEncoderLayer(d_model=4, nhead=2, activation="gelu")  # the option exists
    assert nn.RNN(3, 4).nonlinearity == "tanh"


@pytest.mark.parametrize("name", ["Sigmoid", "Tanh", "LogSigmoid", "Softsign", "Tanhshrink"])
def test_no_parameters(name):
    assert list(module(name).parameters()) == []
    with pytest.raises(TypeError):
        getattr(nn, name)(1.0)


def test_smooth_modules_exist_and_are_all_covered():
    # the three activation pages together cover the 29 modules; these 12 are this page's
    for name in SMOOTH:
        assert issubclass(getattr(nn, name), nn.Module)
    assert {k[0] for k in HAND} == set(SMOOTH)
    figures = {fig.name for fig in family.FIGURES}
    assert {f"activations/{name.lower()}" for name in SMOOTH} <= figures


# ---------------------------------------------------------------- derivatives


def test_derivative_identities():
    x = GRID
    s = torch.sigmoid(x)
    close(grad("Sigmoid", x), s * (1 - s), rtol=1e-10, atol=1e-15)
    close(grad("Tanh", x), 1 - torch.tanh(x) ** 2, rtol=1e-10, atol=1e-15)
    close(grad("LogSigmoid", x), 1 - s, rtol=1e-10, atol=1e-15)
    close(grad("LogSigmoid", x), torch.sigmoid(-x), rtol=1e-10, atol=1e-15)
    close(grad("Softsign", x), 1 / (1 + x.abs()) ** 2, rtol=1e-12, atol=1e-15)
    close(grad("Tanhshrink", x), torch.tanh(x) ** 2, rtol=1e-10, atol=1e-12)
    close(grad("SiLU", x), s * (1 + x * (1 - s)), rtol=1e-10, atol=1e-12)
    close(grad("GELU", x), Phi(x) + x * torch.exp(-x**2 / 2) / math.sqrt(2 * math.pi), rtol=1e-10, atol=1e-12)
    for alpha in (0.5, 1.0, 2.0):
        d = grad("ELU", x, (("alpha", alpha),))
        neg = x <= 0
        close(d[~neg], torch.ones_like(x[~neg]))
        close(d[neg], alpha * torch.exp(x[neg]), rtol=1e-12, atol=1e-15)
        close(d[neg], nn.ELU(alpha=alpha)(x[neg]) + alpha, rtol=1e-10, atol=1e-12)
        dc = grad("CELU", x, (("alpha", alpha),))
        close(dc[neg], torch.exp(x[neg] / alpha), rtol=1e-12, atol=1e-15)
    d = grad("SELU", x)
    close(d[x > 0], torch.full_like(x[x > 0], SELU_SCALE))
    close(d[x <= 0], SELU_SCALE * SELU_ALPHA * torch.exp(x[x <= 0]), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("beta", [0.5, 1.0, 2.0])
def test_softplus_derivative_is_sigmoid(beta):
    x = GRID
    d = grad("Softplus", x, (("beta", beta),))
    below = beta * x <= 20.0
    close(d[below], torch.sigmoid(beta * x[below]), rtol=1e-10, atol=1e-15)
    close(d[~below], torch.ones_like(x[~below]))


def test_slopes_at_zero_and_smoothness():
    zero = torch.zeros(1, dtype=F64)
    eps = torch.tensor([-1e-7, 1e-7], dtype=F64)
    # ELU: autograd takes the left branch at 0, giving alpha; the slope jumps unless alpha = 1
    assert grad("ELU", zero, (("alpha", 2.0),)).item() == 2.0
    close(grad("ELU", eps, (("alpha", 2.0),)), [2.0, 1.0], rtol=1e-6, atol=0)
    close(grad("ELU", eps), [1.0, 1.0], rtol=1e-6, atol=0)
    # CELU: slope reaches 1 at 0 for every alpha
    for alpha in (0.5, 2.0):
        close(grad("CELU", eps, (("alpha", alpha),)), [1.0, 1.0], rtol=1e-6, atol=0)
    # SELU: kink, about 1.7581 on the left and 1.0507 on the right
    close(grad("SELU", eps), [SELU_SCALE * SELU_ALPHA, SELU_SCALE], rtol=1e-6, atol=0)
    assert round(SELU_SCALE * SELU_ALPHA, 4) == 1.7581 and round(SELU_SCALE, 4) == 1.0507
    # second derivatives (difference quotients of f' on each side of 0):
    # Softsign jumps from +2 to -2, CELU from 1/alpha to 0
    def second(name, kwargs=()):
        h = 1e-6
        near = grad(name, torch.tensor([-h, h], dtype=F64), kwargs)
        far = grad(name, torch.tensor([-2 * h, 2 * h], dtype=F64), kwargs)
        return torch.stack([(near[0] - far[0]) / h, (far[1] - near[1]) / h])
    close(second("Softsign"), [2.0, -2.0], rtol=1e-4, atol=0)
    close(second("CELU", (("alpha", 2.0),)), [0.5, 0.0], rtol=1e-4, atol=1e-9)


# ---------------------------------------------------------------- ranges, monotonicity, saturation


def test_ranges():
    x = GRID
    inside = {
        "Sigmoid": (0, 1), "Tanh": (-1, 1), "Softsign": (-1, 1), "LogSigmoid": (-math.inf, 0),
        "Softplus": (0, math.inf), "ELU": (-1, math.inf), "CELU": (-1, math.inf),
        "SELU": (-SELU_SCALE * SELU_ALPHA, math.inf),
    }
    for name, (lo, hi) in inside.items():
        values = module(name)(x[x.abs() <= 15])  # beyond, float64 tanh rounds to exactly +-1
        assert (values > lo).all() and (values < hi).all(), name
    # the bounds are approached
    assert nn.Sigmoid()(x[-1:]).item() > 1 - 1e-8 and nn.Tanh()(x[:1]).item() < -1 + 1e-16
    assert nn.Softsign()(torch.tensor([1e6], dtype=F64)).item() > 1 - 1e-5
    assert nn.ELU(alpha=2.0)(torch.tensor([-40.0], dtype=F64)).item() == pytest.approx(-2.0)
    assert nn.SELU()(torch.tensor([-40.0], dtype=F64)).item() == pytest.approx(-1.7581, abs=1e-4)
    # Tanhshrink is unbounded both ways, Mish above
    assert nn.Tanhshrink()(x).min() < -18 and nn.Tanhshrink()(x).max() > 18
    close(nn.Mish()(torch.tensor([5.0, 10.0, 50.0], dtype=F64)), [4.9996, 10.0, 50.0], rtol=0, atol=5e-5)
    # f(0)
    assert nn.Sigmoid()(torch.zeros(1)).item() == 0.5
    for beta in (0.5, 1.0, 2.0):
        assert nn.Softplus(beta=beta)(torch.zeros(1, dtype=F64)).item() == pytest.approx(math.log(2) / beta)


def test_symmetries():
    x = GRID
    close(nn.Sigmoid()(-x), 1 - nn.Sigmoid()(x), rtol=0, atol=1e-15)
    for name in ("Tanh", "Softsign", "Tanhshrink"):  # odd functions
        close(module(name)(-x), -module(name)(x), rtol=0, atol=0)
    for name, kwargs in (("GELU", ()), ("GELU", (("approximate", "tanh"),)), ("SiLU", ())):
        f = module(name, kwargs)
        close(f(x) - f(-x), x, rtol=0, atol=1e-12)  # like ReLU
    close(grad("SiLU", x) + grad("SiLU", -x), torch.ones_like(x), rtol=0, atol=1e-12)


@pytest.mark.parametrize("name", SMOOTH)
def test_monotonic_or_not(name):
    variants = [()] + ([(("alpha", 0.5),), (("alpha", 2.0),)] if name in ("ELU", "CELU") else [])
    centre = GRID[GRID.abs() <= 5]  # far out, float64 rounds flat tails to one value
    for kwargs in variants:
        if name in ("GELU", "SiLU", "Mish"):
            d = grad(name, GRID, kwargs)
            assert (d < 0).any() and (d > 0).any()
        else:
            assert (grad(name, GRID, kwargs) >= 0).all(), name
            assert (module(name, kwargs)(GRID).diff() >= 0).all(), name
            assert (module(name, kwargs)(centre).diff() > 0).all(), name


def test_saturation():
    ends = torch.tensor([-20.0, 20.0], dtype=F64)
    # both sides flat
    for name in ("Sigmoid", "Tanh"):
        assert (grad(name, ends).abs() < 1e-8).all(), name
    assert (grad("Softsign", ends) < 3e-3).all()
    # left side flat, right side slope 1 (SELU: lambda)
    for name in ("Softplus", "ELU", "CELU", "GELU", "SiLU", "Mish"):
        d = grad(name, ends)
        assert abs(d[0].item()) < 1e-6 and d[1].item() == pytest.approx(1.0), name
    d = grad("SELU", ends)
    assert abs(d[0].item()) < 1e-8 and d[1].item() == pytest.approx(SELU_SCALE)
    # LogSigmoid: right side flat, left side slope 1
    d = grad("LogSigmoid", ends)
    assert d[0].item() == pytest.approx(1.0) and d[1].item() < 1e-8
    # Tanhshrink does not saturate: slope 1 far out, 0 at 0
    d = grad("Tanhshrink", torch.tensor([-20.0, 0.0, 20.0], dtype=F64))
    close(d, [1.0, 0.0, 1.0])


def test_stated_derivative_values():
    t = torch.tensor([-10.0, 10.0], dtype=F64)
    close(grad("Sigmoid", t), [4.5e-5, 4.5e-5], rtol=0.01, atol=0)
    assert grad("Sigmoid", GRID).max().item() == 0.25
    assert grad("Tanh", GRID).max().item() == 1.0
    assert round(grad("Tanh", torch.tensor([3.0], dtype=F64)).item(), 4) == 0.0099
    close(grad("Softsign", torch.tensor([1.0, 10.0], dtype=F64)), [0.25, 1 / 121])
    assert round(grad("Tanh", torch.tensor([1.0], dtype=F64)).item(), 2) == 0.42
    assert f"{grad('Tanh', torch.tensor([10.0], dtype=F64)).item():.0e}" == "8e-09"
    assert f"{1 / 121:.0e}" == "8e-03"
    # Softsign saturates polynomially, tanh exponentially
    x = torch.tensor([2.0, 5.0, 10.0], dtype=F64)
    close(1 - nn.Softsign()(x), 1 / (1 + x))
    close(1 - torch.tanh(x), 2 * torch.exp(-2 * x), rtol=0.02, atol=0)
    # ten stacked sigmoids
    h = torch.zeros((), requires_grad=True)
    out = h
    for _ in range(10):
        out = torch.sigmoid(out)
    (g,) = torch.autograd.grad(out, h)
    assert g.item() < 4.0**-10 and f"{4.0**-10:.1e}" == "9.5e-07"
    assert f"{g.item():.2e}" == "3.88e-07"


def test_tanhshrink_shape():
    small = torch.linspace(-0.1, 0.1, 201, dtype=F64)
    close(nn.Tanhshrink()(small), small**3 / 3, rtol=0, atol=2e-6)
    big = torch.linspace(5, 20, 151, dtype=F64)
    close(nn.Tanhshrink()(big), big - 1, rtol=0, atol=1e-4)
    close(nn.Tanhshrink()(-big), -big + 1, rtol=0, atol=1e-4)


# ---------------------------------------------------------------- minima of the self-gated units


def argmin_on_grid(name, lo=-3.0, hi=0.0, points=300001):
    x = torch.linspace(lo, hi, points, dtype=F64)
    y = module(name)(x)
    i = y.argmin()
    return x[i].item(), y[i].item()


@pytest.mark.parametrize("name, where, value", [
    ("GELU", -0.7518, -0.1700), ("SiLU", -1.2785, -0.2785), ("Mish", -1.1924, -0.3088)])
def test_minimum(name, where, value):
    x, y = family.minimum(name)
    assert round(x, 4) == where and round(y, 4) == value
    gx, gy = argmin_on_grid(name)
    assert abs(gx - x) < 2e-5 and abs(gy - y) < 1e-10
    assert module(name)(GRID).min().item() >= y - 1e-12  # the global minimum
    # derivative negative left of the minimum, positive right of it
    left = GRID[GRID < x - 1e-3]
    right = GRID[GRID > x + 1e-3]
    assert (grad(name, left) < 0).all() and (grad(name, right) > 0).all()


def test_silu_minimum_is_location_plus_one():
    x, y = family.minimum("SiLU")
    assert y == pytest.approx(x + 1, abs=1e-12)


def test_derivative_extremes():
    x = torch.linspace(-5, 5, 100001, dtype=F64)
    d = grad("GELU", x)
    assert round(d.max().item(), 4) == 1.1289 and x[d.argmax()].item() == pytest.approx(math.sqrt(2), abs=1e-4)
    d = grad("SiLU", x)
    assert round(d.max().item(), 4) == 1.0998 and round(x[d.argmax()].item(), 4) == 2.3994
    assert round(d.min().item(), 4) == -0.0998 and round(x[d.argmin()].item(), 4) == -2.3994
    d = grad("Mish", x)
    assert round(d.max().item(), 4) == 1.0885 and round(x[d.argmax()].item(), 4) == 1.4906


# ---------------------------------------------------------------- GELU approximations


def test_gelu_approximations():
    x = torch.linspace(-10, 10, 200001, dtype=F64)
    gap = (nn.GELU()(x) - nn.GELU(approximate="tanh")(x)).abs()
    assert f"{gap.max().item():.2e}" == "4.73e-04"
    assert round(x[gap.argmax()].abs().item(), 2) == 2.70
    crude = (nn.GELU()(x) - x * torch.sigmoid(1.702 * x)).abs().max().item()
    assert 0.019 < crude < 0.021


# ---------------------------------------------------------------- zero-centred: the at-a-glance table


def test_normal_input_statistics():
    z = torch.linspace(-12, 12, 24001, dtype=F64)
    density = torch.exp(-z**2 / 2) / math.sqrt(2 * math.pi)
    expected = {
        "Sigmoid": (0.5, 0.2083), "Tanh": (0.0, 0.6279), "LogSigmoid": (-0.8061, 0.5211),
        "Softplus": (0.8061, 0.5211), "Softsign": (0.0, 0.4278), "Tanhshrink": (0.0, 0.4276),
        "ELU": (0.1605, 0.7869), "CELU": (0.1605, 0.7869), "SELU": (0.0, 1.0), "GELU": (0.2821, 0.5879),
        "SiLU": (0.2066, 0.5595), "Mish": (0.2404, 0.6281), "ReLU": (0.3989, 0.5838),
    }
    for name, (mean, std) in expected.items():
        f = module(name)(z)
        m = torch.trapezoid(f * density, z).item()
        s = math.sqrt(torch.trapezoid((f - m) ** 2 * density, z).item())
        assert round(m, 4) == mean and round(s, 4) == std, name
    # exact values behind the rounded ones
    assert torch.trapezoid(nn.GELU()(z) * density, z).item() == pytest.approx(1 / (2 * math.sqrt(math.pi)), abs=1e-9)
    # (the kink at 0 limits the trapezoid rule to about 1e-8 here; test_selu_constants is exact)
    assert torch.trapezoid(nn.SELU()(z) * density, z).item() == pytest.approx(0.0, abs=1e-7)
    assert torch.trapezoid(nn.SELU()(z) ** 2 * density, z).item() == pytest.approx(1.0, abs=1e-7)


# ---------------------------------------------------------------- SELU constants, init, AlphaDropout


def test_selu_constants():
    def Phi_(t):
        return 0.5 * math.erfc(-t / math.sqrt(2))

    r = math.sqrt(math.e)
    alpha = (1 / math.sqrt(2 * math.pi)) / (0.5 - r * Phi_(-1))
    scale = (0.5 + alpha**2 * (math.e**2 * Phi_(-2) - 2 * r * Phi_(-1) + 0.5)) ** -0.5
    selu = nn.SELU()
    torch_scale = selu(torch.tensor(1.0, dtype=F64)).item()
    torch_alpha = -selu(torch.tensor(-math.inf, dtype=F64)).item() / torch_scale
    assert alpha == pytest.approx(torch_alpha, abs=1e-12) and scale == pytest.approx(torch_scale, abs=1e-12)
    assert round(alpha, 4) == 1.6733 and round(scale, 4) == 1.0507


def test_init_gains():
    assert nn.init.calculate_gain("tanh") == pytest.approx(5 / 3)
    assert nn.init.calculate_gain("selu") == 0.75
    torch.manual_seed(0)
    w = torch.empty(512, 400)
    nn.init.kaiming_normal_(w, nonlinearity="linear")  # LeCun normal
    assert w.std().item() == pytest.approx(1 / math.sqrt(400), rel=0.01)


def test_alpha_dropout():
    torch.manual_seed(0)
    y = nn.SELU()(torch.randn(200_000))
    p = 0.2
    out = nn.AlphaDropout(p=p)(y)
    assert abs(out.mean().item()) < 0.01 and out.std().item() == pytest.approx(1.0, abs=0.01)
    assert nn.Dropout(p=p)(y).std().item() == pytest.approx(1 / math.sqrt(1 - p), abs=0.01)
    # dropped units all take one value: a * (-lambda alpha) + b; kept ones are a * x + b
    la = SELU_SCALE * SELU_ALPHA
    a = ((1 - p) * (1 + p * la**2)) ** -0.5
    b = a * p * la
    dropped = torch.isclose(out, torch.tensor(a * -la + b), atol=1e-6, rtol=0)
    assert dropped.float().mean().item() == pytest.approx(p, abs=0.005)
    close(out[~dropped], a * y[~dropped] + b, rtol=1e-5, atol=1e-5)
    assert nn.AlphaDropout(p=p).eval()(y).equal(y)


def test_selu_keeps_scale_tanh_shrinks_it():
    torch.manual_seed(0)
    x = torch.randn(500, 64)
    stds = {}
    _run_deep(x, stds)
    assert 0.85 < stds["SELU"] < 1.1 and stds["Tanh"] < 0.2


def _run_deep(x, stds):
    with torch.no_grad():
        for act in (nn.SELU, nn.Tanh):
            torch.manual_seed(1)
            h = x
            for _ in range(30):
                lin = nn.Linear(64, 64)
                nn.init.kaiming_normal_(lin.weight, nonlinearity="linear")
                nn.init.zeros_(lin.bias)
                h = act()(lin(h))
            stds[act.__name__] = h.std().item()


# ---------------------------------------------------------------- numerics: float32 sigmoid, LogSigmoid


def test_float32_sigmoid_reaches_one():
    assert 24 * math.log(2) == pytest.approx(16.6355, abs=1e-4)
    assert torch.sigmoid(torch.tensor([16.63])).item() < 1.0
    assert torch.sigmoid(torch.tensor([16.64, 17.0, 30.0])).eq(1.0).all()
    big = torch.linspace(10, 20, 100001)  # the vectorised path agrees
    first = big[torch.sigmoid(big) == 1][0].item()
    assert 16.635 < first < 16.64


def test_logsigmoid_is_stable_where_log_sigmoid_is_not():
    x = torch.tensor([-200.0], requires_grad=True)
    naive = torch.log(torch.sigmoid(x))
    assert naive.item() == -math.inf
    assert torch.autograd.grad(naive.sum(), x)[0].isnan().all()
    stable = nn.LogSigmoid()(x)
    assert stable.item() == -200.0
    assert torch.autograd.grad(stable.sum(), x)[0].item() == 1.0
    assert math.exp(-200) < torch.finfo(torch.float32).smallest_normal
    assert f"{math.exp(-200):.0e}" == "1e-87"
    assert 1e-46 < 2.0**-149 < 1e-44  # smallest positive float32 is about 1e-45
    assert F.logsigmoid(x).item() == -200.0


def test_soft_margin_loss_is_mean_of_minus_logsigmoid():
    torch.manual_seed(0)
    s, y = torch.randn(8, dtype=F64), torch.randint(0, 2, (8,)).to(F64) * 2 - 1
    close(nn.SoftMarginLoss()(s, y), -F.logsigmoid(y * s).mean())


# ---------------------------------------------------------------- Softplus and its threshold


def test_softplus_threshold_and_relu():
    t = torch.tensor([0.99, 1.0, 1.01], dtype=F64)
    close(nn.Softplus(threshold=1.0)(t), [math.log1p(math.exp(0.99)), math.log1p(math.e), 1.01])
    assert round(math.log1p(math.e), 4) == 1.3133 and round(torch.sigmoid(torch.tensor(1.0)).item(), 2) == 0.73
    # the default switch changes the value by about 2e-9 / beta, far below float32 spacing at 20
    jump = math.log1p(math.exp(-20))
    assert 2.0e-9 < jump < 2.1e-9 and jump < torch.finfo(torch.float32).eps * 20 / 10
    # Softplus - ReLU = log(1 + exp(-beta |x|)) / beta, in (0, ln 2 / beta]
    for beta in (0.5, 1.0, 2.0):
        x = torch.linspace(-20, 20, 2001, dtype=F64) / beta  # keep beta * x <= threshold
        gap = nn.Softplus(beta=beta)(x) - torch.relu(x)
        close(gap, torch.log1p(torch.exp(-beta * x.abs())) / beta, rtol=1e-9, atol=1e-13)
        assert (gap > 0).all() and gap.max().item() == pytest.approx(math.log(2) / beta)


# ---------------------------------------------------------------- ELU / CELU relations


def test_celu_scale_similarity_and_limits():
    x = torch.linspace(-5, 5, 1001, dtype=F64)
    for alpha in (0.5, 2.0, 3.0):
        close(nn.CELU(alpha=alpha)(x), alpha * nn.CELU()(x / alpha), rtol=1e-12, atol=1e-12)
    close(nn.CELU(alpha=0.01)(x), torch.relu(x), rtol=0, atol=0.01)  # alpha -> 0: ReLU
    close(nn.CELU(alpha=1000.0)(x), x, rtol=0, atol=0.013)  # alpha -> inf: identity


# ---------------------------------------------------------------- figures


def _figure_modules():
    for fig in family.FIGURES:
        if fig.draw.__name__ == "draw_curves":
            for kwargs in fig.params.get("variants", ((),)):
                yield fig.name, fig.params["module"], kwargs, fig.params.get("x_range", (-5.0, 5.0))
        elif fig.draw.__name__ == "draw_compare":
            for name, kwargs in fig.params["modules"]:
                yield fig.name, name, kwargs, fig.params["x_range"]


@pytest.mark.parametrize("fig_name, name, kwargs, x_range", list(_figure_modules()))
def test_figure_curve_data_is_the_module(fig_name, name, kwargs, x_range):
    x, y, dy = curve_data(name, kwargs, x_range, 201)
    x = torch.tensor(x, dtype=F64)
    close(torch.tensor(y, dtype=F64), module(name, kwargs)(x), rtol=0, atol=0)
    close(torch.tensor(dy, dtype=F64), grad(name, x, kwargs), rtol=0, atol=0)
    if (name, kwargs) in HAND:
        close(torch.tensor(y, dtype=F64), HAND[(name, kwargs)](x), rtol=1e-12, atol=1e-12)


def test_figure_names_and_extra_data():
    names = [fig.name for fig in family.FIGURES]
    assert len(names) == len(set(names))
    for name in names:
        assert name.startswith("activations/")
    x, diff = family.gelu_error_data()
    x = torch.tensor(x, dtype=F64)
    close(torch.tensor(diff, dtype=F64), nn.GELU()(x) - nn.GELU(approximate="tanh")(x), rtol=0, atol=0)
    assert max(abs(d) for d in diff) < 4.8e-4


def test_page_links_every_figure():
    from pathlib import Path

    page = (Path(__file__).resolve().parent.parent / "docs/activations/smooth.md").read_text()
    for fig in family.FIGURES:
        assert f"](../figures/{fig.name}.svg)" in page, fig.name
    for name in SMOOTH:
        assert f"\n## {name}\n" in page, name


def test_float32_tanh_reaches_one():
    """tanh rounds to exactly ±1 once 2 e^(-2x) < half an ulp below 1: x = 13 ln 2 (float32), 27.5 ln 2 (float64)."""
    assert round(13 * math.log(2), 2) == 9.01 and round(27.5 * math.log(2), 2) == 19.06
    assert torch.tanh(torch.tensor([10.0, -10.0])).tolist() == [1.0, -1.0]
    for dtype, edge in ((torch.float32, 13 * math.log(2)), (F64, 27.5 * math.log(2))):
        x = torch.linspace(edge - 1, edge + 1, 20001, dtype=dtype)
        first = x[torch.tanh(x) == 1][0].item()
        assert abs(first - edge) < 0.01, (dtype, first)
        assert (torch.tanh(x[x > edge + 0.01]) == 1).all()


def test_softsign_and_tanh_both_have_slope_one_at_zero():
    zero = torch.zeros(1, dtype=F64)
    assert grad("Softsign", zero).item() == 1.0 and grad("Tanh", zero).item() == 1.0
    x = torch.linspace(0.01, 1.0, 100, dtype=F64)  # just away from 0, Softsign is the flatter one
    assert (grad("Softsign", x) < grad("Tanh", x)).all()


def test_mish_derivative_splits_as_in_the_paper():
    """Mish'(x) = sech²(softplus(x)) · SiLU(x) + Mish(x) / x (Misra's Δ(x) term), against autograd."""
    x = GRID[GRID != 0]
    delta = 1 / torch.cosh(F.softplus(x)) ** 2
    close(grad("Mish", x), delta * F.silu(x) + F.mish(x) / x, rtol=1e-9, atol=1e-12)
    assert not list(nn.Mish().parameters())

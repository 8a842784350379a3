"""Facts on docs/foundations/functions.md: every identity about exponentials, logarithms,
the logistic function, odds, softmax and the stable forms is checked against torch, every
number in the prose is recomputed, and every figure's data is compared with the torch call
it claims to draw."""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import torch
from torch import nn
from torch.nn import functional as F
from torch.testing import assert_close

from plots.families import foundations as fam

F64 = torch.float64
PAGE = Path(__file__).resolve().parent.parent / "docs" / "foundations" / "functions.md"


@pytest.fixture
def gen():
    return torch.Generator().manual_seed(0)


# -- exponentials -----------------------------------------------------------------------


def test_any_base_is_a_power_of_e(gen):
    x = torch.linspace(-3, 3, 61, dtype=F64)
    for a, b in [(1.0, 2.0), (3.0, 0.5), (-2.0, 10.0)]:
        k = math.log(b)
        assert_close(a * b**x, a * torch.exp(k * x))
        # growth for b > 1 (k > 0), decay for b < 1 (k < 0), with a > 0
    assert (torch.diff(torch.exp(0.7 * x)) > 0).all() and (torch.diff(torch.exp(-0.7 * x)) < 0).all()
    # constant ratio per unit step, f(0) = a
    y = 3.0 * 2.0 ** torch.arange(6, dtype=F64)
    assert_close(y[1:] / y[:-1], torch.full((5,), 2.0, dtype=F64))
    assert y[0] == 3.0


def test_derivatives_of_exponentials():
    x = torch.linspace(-2, 2, 41, dtype=F64, requires_grad=True)
    (d_exp,) = torch.autograd.grad(torch.exp(x).sum(), x)
    assert_close(d_exp, torch.exp(x.detach()))
    (d_pow,) = torch.autograd.grad((10.0**x).sum(), x)
    assert_close(d_pow, math.log(10.0) * 10.0 ** x.detach())


# -- logarithms -------------------------------------------------------------------------


def test_logarithm_rules(gen):
    R = torch.rand(50, generator=gen, dtype=F64) * 10 + 0.01
    S = torch.rand(50, generator=gen, dtype=F64) * 10 + 0.01
    c = torch.randn(50, generator=gen, dtype=F64)
    for log in (torch.log, torch.log2, torch.log10):
        assert_close(log(R * S), log(R) + log(S))
        assert_close(log(R / S), log(R) - log(S))
        assert_close(log(R**c), c * log(R))
    assert_close(torch.log(torch.tensor(8.0)), torch.log(torch.tensor(2.0)) + torch.log(torch.tensor(4.0)))


def test_change_of_base_and_inverse(gen):
    x = torch.rand(20, generator=gen, dtype=F64) * 100 + 0.001
    assert_close(torch.log2(x), torch.log(x) / math.log(2))
    assert_close(torch.log10(x), torch.log(x) / math.log(10))
    t = torch.linspace(-5, 5, 11, dtype=F64)
    assert_close(torch.log(torch.exp(t)), t)
    assert_close(torch.exp(torch.log(x)), x)
    assert_close(torch.log2(2.0**t), t)
    for log in (torch.log, torch.log2, torch.log10):
        assert log(torch.tensor(1.0)) == 0
        assert (log(torch.tensor([0.1, 0.5, 0.9])) < 0).all()
        assert log(torch.tensor(0.0)) == -math.inf


def test_logarithm_shape_depends_on_whether_the_base_exceeds_one():
    x = torch.tensor([1e-300, 0.1, 0.5, 0.9, 1.0, 2.0, 10.0, 1e300], dtype=F64)
    for base in (2.0, math.e, 10.0, 0.5, 0.1):
        log_b = torch.log(x) / math.log(base)
        assert log_b[x == 1].item() == 0  # every base: through (1, 0)
        assert_close(torch.pow(torch.tensor(base, dtype=F64), log_b), x, rtol=1e-9, atol=0)
        if base > 1:  # negative on (0, 1), increasing
            assert (log_b[x < 1] < 0).all() and (log_b.diff() > 0).all()
        else:  # positive on (0, 1), decreasing: log_b x = -log_(1/b) x
            assert (log_b[x < 1] > 0).all() and (log_b.diff() < 0).all()
            assert_close(log_b, -torch.log(x) / math.log(1 / base))
    assert torch.log(torch.tensor(0.0)) / math.log(0.5) == math.inf


def test_underflow_numbers():
    torch.manual_seed(0)
    p = 0.25 + 0.5 * torch.rand(1000)
    assert p.prod() == 0
    total = p.log().sum().item()
    assert round(total, 2) == -738.62
    assert -321.5 < total / math.log(10) < -320.5  # e^-738.62 is about 10^-321
    assert torch.finfo(torch.float32).smallest_normal > 1e-38
    assert 1.4e-45 < torch.nextafter(torch.tensor(0.0), torch.tensor(1.0)).item() < 1.5e-45
    as_f64 = p.double().prod().item()
    assert 0 < as_f64 < torch.finfo(F64).tiny, "float64 gets it only as a subnormal, without full precision"


def test_log1p_and_expm1():
    small = torch.tensor(1e-10)
    assert torch.log(1 + small) == 0
    assert_close(torch.log1p(small), small)
    assert torch.exp(small) - 1 == 0
    assert_close(torch.expm1(small), small)


# -- log scales ------------------------------------------------------------------------


def test_relative_change_numbers():
    log10 = lambda a, b: math.log10(b) - math.log10(a)
    assert round(log10(1, 1.1), 4) == round(log10(100, 110), 4) == 0.0414
    assert round(log10(1, 2), 4) == 0.3010 and round(log10(100, 101), 4) == 0.0043
    assert round(log10(1, 2) / log10(100, 101)) == 70
    for x in (1.0, 37.0, 1e6):
        assert math.isclose(math.log(1.1 * x) - math.log(x), math.log(1.1))
    # -ln of two small probabilities, as stated
    assert round(-math.log(1e-3), 1) == 6.9 and round(-math.log(1e-6), 1) == 13.8


def test_reexpressed_models_are_straight_lines():
    x = torch.tensor([1.0, 2.0, 3.0, 5.0, 8.0], dtype=F64)
    a, b = 1.5, 0.8

    def fit(u, v):
        A = torch.stack([torch.ones_like(u), u], dim=1)
        sol = torch.linalg.lstsq(A, v.unsqueeze(1)).solution.squeeze(1)
        return sol, (A @ sol - v).abs().max()

    cases = {
        "linear": (x, a + b * x),
        "logarithmic": (torch.log(x), a + b * torch.log(x)),
        "exponential": (x, torch.log(a * b**x)),
        "power": (torch.log(x), torch.log(a * x**b)),
    }
    for name, (u, v) in cases.items():
        _, residual = fit(u, v)
        assert residual < 1e-10, name
    (intercept, slope), _ = fit(torch.log(x), torch.log(a * x**b))
    assert_close(slope, torch.tensor(b, dtype=F64))
    assert_close(intercept.exp(), torch.tensor(a, dtype=F64))


def test_power_law_snippet_numbers():
    torch.manual_seed(0)
    x = torch.tensor([1.0, 2.0, 4.0, 8.0, 16.0, 32.0])
    y = 3 * x**2 * torch.exp(0.05 * torch.randn(6))
    A = torch.stack([torch.ones(6), torch.log(x)], dim=1)
    intercept, slope = torch.linalg.lstsq(A, torch.log(y).unsqueeze(1)).solution.squeeze(1)
    assert abs(slope - 2) < 0.05 and abs(intercept.exp() - 3) < 0.15


def test_loss_curve_claims():
    losses = torch.tensor(fam.loss_curve_data(), dtype=F64)
    assert len(losses) == 151
    assert (losses[1:] < losses[:-1]).all()
    assert losses[0] / losses[-1] > 1e4, "several orders of magnitude"
    assert 0.04 < losses[25] < 0.07 and 5e-5 < losses[150] < 2e-4
    # from step 25 on, a constant fraction is removed per step: a straight line on a log axis
    ratios = losses[26:] / losses[25:-1]
    assert ratios.max() - ratios.min() < 0.03
    # "looks flat" on a linear axis after 25 steps: less than 3 % of the starting loss left
    assert losses[25] < 0.03 * losses[0]


# -- the logistic function ---------------------------------------------------------------


def logistic_growth(x, a, c, k):
    return c / (1 + a * torch.exp(-k * x))


def test_logistic_growth_function():
    x = torch.linspace(-30, 30, 601, dtype=F64)
    a, c, k = 4.0, 7.0, 0.8
    f = logistic_growth(x, a, c, k)
    assert_close(f[-1], torch.tensor(c, dtype=F64), rtol=0, atol=1e-6)
    assert f[0] < 1e-9
    assert_close(logistic_growth(torch.tensor(0.0, dtype=F64), a, c, k), torch.tensor(c / (1 + a), dtype=F64))
    # exponential growth for very negative x
    far = torch.tensor([-25.0, -20.0], dtype=F64)
    assert_close(logistic_growth(far, a, c, k), c / a * torch.exp(k * far), rtol=1e-6, atol=0)
    # a = c = k = 1 is the sigmoid; k < 0 decays
    assert_close(logistic_growth(x, 1.0, 1.0, 1.0), torch.sigmoid(x))
    assert (torch.diff(logistic_growth(x, a, c, -k)) < 0).all()


def test_sigmoid_formula_and_properties():
    x = torch.linspace(-40, 40, 8001, dtype=F64, requires_grad=True)
    s = torch.sigmoid(x)
    assert_close(s, 1 / (1 + torch.exp(-x)))
    assert_close(torch.sigmoid(-x), 1 - s)
    (ds,) = torch.autograd.grad(s.sum(), x)
    assert_close(ds, s * (1 - s))
    assert ds.max() == 0.25 and abs(x[ds.argmax()]) < 1e-12
    assert torch.sigmoid(torch.tensor(0.0)) == 0.5
    assert torch.sigmoid(torch.tensor(40.0, dtype=F64)) > 1 - 1e-15 and torch.sigmoid(torch.tensor(-40.0, dtype=F64)) < 1e-15
    ten = torch.tensor(10.0, dtype=F64)
    assert 1 - torch.sigmoid(ten) < 5e-5 and torch.sigmoid(-ten) < 5e-5
    slope = torch.sigmoid(ten) * (1 - torch.sigmoid(ten))
    assert round(slope.item() * 1e5, 1) == 4.5
    # strictly inside (0, 1) in exact arithmetic; float32 rounds to exactly 1 from about 16.6
    assert torch.sigmoid(torch.tensor(16.5)).item() < 1 and torch.sigmoid(torch.tensor(16.7)).item() == 1


def test_step_versus_sigmoid_ratings():
    rating = torch.tensor([0.49, 0.51], dtype=F64)
    assert torch.equal((rating > 0.5).float(), torch.tensor([0.0, 1.0]))
    assert_close(torch.sigmoid(10 * (rating - 0.5)), torch.tensor([0.475, 0.525], dtype=F64), atol=5e-4, rtol=0)
    x = torch.tensor([-1.0, 1.0], requires_grad=True)
    step = torch.where(x > 0, 1.0, 0.0)
    assert not step.requires_grad and step.grad_fn is None


def test_logistic_regression_formula(gen):
    X = torch.randn(5, 3, generator=gen, dtype=F64)
    layer = nn.Linear(3, 1).double()
    assert_close(torch.sigmoid(layer(X)).squeeze(1), 1 / (1 + torch.exp(-(X @ layer.weight.squeeze(0) + layer.bias))))


# -- odds and log-odds ------------------------------------------------------------------


def test_odds_and_logit():
    p = torch.linspace(0.001, 0.999, 999, dtype=F64)
    odds = p / (1 - p)
    assert_close(torch.logit(p), torch.log(odds))
    assert_close(torch.sigmoid(torch.logit(p)), p)
    x = torch.linspace(-20, 20, 81, dtype=F64)
    assert_close(torch.logit(torch.sigmoid(x)), x)
    # + 1 on the logit multiplies the odds by e
    z = torch.logit(p)
    q = torch.sigmoid(z + 1)
    assert_close((q / (1 - q)) / odds, torch.full_like(p, math.e))
    # the numbers of the prose
    assert torch.tensor(0.8, dtype=F64) / torch.tensor(0.2, dtype=F64) == 4
    assert_close(torch.logit(torch.tensor([0.1, 0.9], dtype=F64)), torch.tensor([-2.1972, 2.1972], dtype=F64), atol=5e-5, rtol=0)
    l = lambda v: torch.logit(torch.tensor(v, dtype=F64)).item()
    assert round(l(0.99) - l(0.9), 1) == 2.4 and round(l(0.9) - l(0.5), 1) == 2.2


def test_logit_eps_clamps():
    p = torch.tensor([0.0, 1e-9, 0.5, 1.0], dtype=F64)
    assert torch.equal(torch.logit(torch.tensor([0.0, 1.0])), torch.tensor([-math.inf, math.inf]))  # no clamping by default
    eps = 1e-6
    assert_close(torch.logit(p, eps=eps), torch.logit(p.clamp(eps, 1 - eps)))


# -- softmax ----------------------------------------------------------------------------


def test_softmax_formula_ratios_and_shift(gen):
    z = torch.randn(4, 5, generator=gen, dtype=F64)
    s = torch.softmax(z, dim=1)
    assert_close(s, torch.exp(z) / torch.exp(z).sum(dim=1, keepdim=True))
    assert (s > 0).all()
    assert_close(s.sum(dim=1), torch.ones(4, dtype=F64))
    assert_close(s[:, 0] / s[:, 1], torch.exp(z[:, 0] - z[:, 1]))
    assert_close(torch.softmax(z + 7.5, dim=1), s)
    assert_close(torch.log(s), z - torch.logsumexp(z, dim=1, keepdim=True))
    assert torch.equal(s.argmax(dim=1), z.argmax(dim=1))


def test_two_class_softmax_is_sigmoid_of_difference(gen):
    z = 5 * torch.randn(100, 2, generator=gen, dtype=F64)
    assert_close(torch.softmax(z, dim=1)[:, 0], torch.sigmoid(z[:, 0] - z[:, 1]))
    x = z[:, 0]
    assert_close(torch.sigmoid(x), torch.softmax(torch.stack([x, torch.zeros_like(x)], dim=1), dim=1)[:, 0])


def test_softmax_example_numbers():
    probs = torch.softmax(torch.tensor([3.0, 1.0, 0.2], dtype=F64), dim=0)
    assert_close(probs, torch.tensor([0.8360, 0.1131, 0.0508], dtype=F64), atol=5e-5, rtol=0)
    assert round(math.exp(2), 1) == 7.4


# -- numerical stability -----------------------------------------------------------------


def test_float32_exp_limits():
    assert round(math.log(torch.finfo(torch.float32).max), 1) == 88.7
    assert torch.isfinite(torch.exp(torch.tensor(88.7))) and torch.isinf(torch.exp(torch.tensor(88.8)))
    assert torch.exp(torch.tensor(-103.9)) > 0 and torch.exp(torch.tensor(-104.0)) == 0


def test_log_sum_exp_trick(gen):
    for z in (torch.randn(3, 6, generator=gen, dtype=F64), 500 * torch.randn(3, 6, generator=gen, dtype=F64)):
        m = z.amax(dim=1, keepdim=True)
        trick = m + torch.log(torch.exp(z - m).sum(dim=1, keepdim=True))
        assert_close(torch.logsumexp(z, dim=1, keepdim=True), trick)
        assert torch.isfinite(torch.softmax(z, dim=1)).all() and torch.isfinite(torch.log_softmax(z, dim=1)).all()
        assert (torch.exp(z - m).sum(dim=1) >= 1).all()
    z = torch.randn(2, 4, generator=gen, dtype=F64)
    assert_close(torch.logsumexp(z, dim=1), torch.log(torch.exp(z).sum(dim=1)))
    x = torch.tensor([1000.0, 1000.0])
    assert torch.isinf(torch.log(torch.exp(x).sum()))
    assert_close(torch.logsumexp(x.double(), dim=0), torch.tensor(1000 + math.log(2), dtype=F64))
    assert_close(torch.logsumexp(-x.double(), dim=0), torch.tensor(-1000 + math.log(2), dtype=F64))
    assert torch.log(torch.exp(-x).sum()) == -math.inf


def test_stable_sigmoid_identities():
    z = torch.linspace(-30, 30, 601, dtype=F64)
    assert_close(F.logsigmoid(z), torch.log(torch.sigmoid(z)))
    assert_close(F.logsigmoid(z), -F.softplus(-z))
    moderate = z[z <= 15]  # beyond, 1 - sigmoid(z) itself loses digits: the reason for the stable form
    assert_close(torch.log(1 - torch.sigmoid(moderate)), -F.softplus(moderate))
    assert_close(torch.log(torch.sigmoid(-z)), -F.softplus(z))
    stable = torch.clamp(z, min=0) + torch.log1p(torch.exp(-z.abs()))
    assert_close(stable, torch.log1p(torch.exp(z)))
    # torch's softplus switches to the identity above threshold=20, an error below 3e-9
    assert_close(F.softplus(z), stable, atol=3e-9, rtol=0)
    big = torch.tensor([-200.0, 0.0, 200.0])
    assert torch.log(torch.sigmoid(big))[0] == -math.inf
    assert_close(F.logsigmoid(big), torch.tensor([-200.0, -math.log(2), 0.0]))


def test_bce_on_probabilities_is_clamped_at_100():
    logit = torch.tensor([20.0], requires_grad=True)
    p = torch.sigmoid(logit)
    assert p.item() == 1.0, "sigmoid(20) rounds to 1 in float32"
    assert 2 ** -24 > math.exp(-20) and round(24 * math.log(2), 2) == 16.64  # why it rounds
    target = torch.tensor([0.0])
    bce = F.binary_cross_entropy(p, target)
    assert bce.item() == 100.0
    bce.backward()
    assert logit.grad.item() == 0.0, "no gradient reaches the logit"
    with_logits = F.binary_cross_entropy_with_logits(torch.tensor([20.0], dtype=F64), target.double())
    assert_close(with_logits, F.softplus(torch.tensor(20.0, dtype=F64), threshold=1000))
    assert abs(with_logits.item() - 20 - 2e-9) < 1e-10


# -- figures ----------------------------------------------------------------------------


def test_exp_log_data_is_torch():
    data = fam.exp_log_data()
    x, u = torch.tensor(data["x"], dtype=F64), torch.tensor(data["u"], dtype=F64)
    assert_close(torch.tensor(data["exp"]["e"], dtype=F64), torch.exp(x))
    assert_close(torch.tensor(data["exp"]["2"], dtype=F64), torch.exp2(x))
    assert_close(torch.tensor(data["exp"]["0.5"], dtype=F64), 0.5**x)
    assert_close(torch.tensor(data["exp"]["10"], dtype=F64), 10.0**x)
    assert_close(torch.tensor(data["log"]["e"], dtype=F64), torch.log(u))
    assert_close(torch.tensor(data["log"]["2"], dtype=F64), torch.log2(u))
    assert_close(torch.tensor(data["log"]["10"], dtype=F64), torch.log10(u))
    # all exponentials pass through (0, 1), all logarithms through (1, 0)
    zero = x.abs().argmin()
    one = (u - 1).abs().argmin()
    assert abs(x[zero]) < 1e-12 and abs(u[one] - 1) < 0.07
    for values in data["exp"].values():
        assert abs(values[zero] - 1) < 1e-12
    for values in data["log"].values():
        assert abs(values[one]) < 0.07


def test_loss_curve_data_equals_torch_optim_sgd():
    losses = fam.loss_curve_data(steps=30)
    torch.manual_seed(0)
    X = torch.randn(32, 3, dtype=F64) * torch.tensor([1.0, 0.4, 0.15], dtype=F64)
    y = X @ torch.tensor([1.0, -2.0, 3.0], dtype=F64)
    w = torch.zeros(3, dtype=F64, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.5)
    expected = []
    for _ in range(31):
        loss = ((X @ w - y) ** 2).mean()
        expected.append(loss.item())
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert_close(torch.tensor(losses), torch.tensor(expected))


def test_logistic_data_is_torch():
    data = fam.logistic_data()
    x = torch.tensor(data["x"], dtype=F64)
    s = torch.tensor(data["sigmoid"], dtype=F64)
    assert_close(s, torch.sigmoid(x))
    assert_close(torch.tensor(data["slope"], dtype=F64), s * (1 - s))
    assert data["step"] == [1.0 if v > 0 else 0.0 for v in data["x"]]
    p = torch.tensor(data["p"], dtype=F64)
    assert_close(torch.tensor(data["logit"], dtype=F64), torch.log(p / (1 - p)))


def test_figures_are_declared_and_used():
    names = {fig.name for fig in fam.FIGURES}
    text = PAGE.read_text()
    used = set(re.findall(r"figures/(foundations/[\w-]+)\.svg", text))
    assert used == {"foundations/exp-log", "foundations/log-scale", "foundations/logistic"}
    assert used <= names

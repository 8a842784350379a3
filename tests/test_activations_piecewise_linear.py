"""Checks for docs/activations/piecewise-linear.md.

- Every formula on the page (f and the f' autograd uses, including at the kinks) is
  implemented by hand and compared with torch on a grid that contains the kinks and
  the tails.
- Every section's property table is parsed from the page: the signature's defaults
  are compared with `inspect.signature`, and range, monotonicity, boundedness, kinks,
  zero-gradient set and mean output are computed.
- The claims in the prose are recomputed, and every figure's data is compared with
  the module call it claims to draw.
"""

from __future__ import annotations

import ast
import inspect
import math
import re

import pytest
import torch

from tests.checks import assert_defaults, property_table, sections
from tests.test_activations import (
    F64,
    JUMP,
    THETA,
    V,
    build,
    check_range,
    f_and_df,
    is_monotonic,
    kinks,
    math_segments,
    normal_mean,
    outputs,
    page_text,
    scalar_grid,
    smoothness_jumps,
)

PAGE = "piecewise-linear.md"
MODULES = ["ReLU", "LeakyReLU", "PReLU", "RReLU", "ReLU6", "Hardtanh", "Hardsigmoid", "Hardswish", "Threshold", "Hardshrink", "Softshrink"]
LOWER, UPPER = 1 / 8, 1 / 3


def where(condition, a, b):
    return torch.where(condition, a, b)


# -- the formulas of the page, by hand: name -> (f, f'), with the page's parameter names --

ONE, ZERO = torch.tensor(1.0, dtype=F64), torch.tensor(0.0, dtype=F64)

HAND = {
    "ReLU": (lambda x: where(x > 0, x, ZERO), lambda x: where(x > 0, ONE, ZERO)),
    "LeakyReLU": (
        lambda x, negative_slope=0.01: where(x >= 0, x, negative_slope * x),
        lambda x, negative_slope=0.01: where(x > 0, ONE, ONE * negative_slope),
    ),
    "PReLU": (lambda x, a=0.25: where(x >= 0, x, a * x), lambda x, a=0.25: where(x > 0, ONE, ONE * a)),
    "RReLU": (  # evaluation mode
        lambda x, lower=LOWER, upper=UPPER: where(x >= 0, x, (lower + upper) / 2 * x),
        lambda x, lower=LOWER, upper=UPPER: where(x > 0, ONE, ONE * (lower + upper) / 2),
    ),
    "ReLU6": (lambda x: torch.minimum(torch.maximum(x, ZERO), 6 * ONE), lambda x: where((x > 0) & (x < 6), ONE, ZERO)),
    "Hardtanh": (
        lambda x, min_val=-1.0, max_val=1.0: where(x < min_val, ONE * min_val, where(x > max_val, ONE * max_val, x)),
        lambda x, min_val=-1.0, max_val=1.0: where((x > min_val) & (x < max_val), ONE, ZERO),
    ),
    "Hardsigmoid": (
        lambda x: where(x <= -3, ZERO, where(x >= 3, ONE, x / 6 + 1 / 2)),
        lambda x: where((x > -3) & (x < 3), ONE / 6, ZERO),
    ),
    "Hardswish": (
        lambda x: where(x <= -3, ZERO, where(x >= 3, x, x * (x + 3) / 6)),
        lambda x: where(x <= -3, ZERO, where(x >= 3, ONE, (2 * x + 3) / 6)),
    ),
    "Threshold": (
        lambda x, threshold, value: where(x > threshold, x, ONE * value),
        lambda x, threshold, value: where(x > threshold, ONE, ZERO),
    ),
    "Hardshrink": (
        lambda x, lambd=0.5: where(x.abs() > lambd, x, ZERO),
        lambda x, lambd=0.5: where(x.abs() > lambd, ONE, ZERO),
    ),
    "Softshrink": (
        lambda x, lambd=0.5: where(x > lambd, x - lambd, where(x < -lambd, x + lambd, ZERO)),
        lambda x, lambd=0.5: where(x.abs() > lambd, ONE, ZERO),
    ),
}

# Parameter settings to check the formulas with: the defaults, the figures' variants and a few more.
SETTINGS = {
    "ReLU": [{}],
    "LeakyReLU": [{}, {"negative_slope": 0.1}, {"negative_slope": 0.3}, {"negative_slope": 1.5}],
    "PReLU": [{}, {"init": 0.6}, {"init": -0.2}],
    "RReLU": [{}, {"lower": 0.0, "upper": 0.5}],
    "ReLU6": [{}],
    "Hardtanh": [{}, {"min_val": -2.0, "max_val": 2.0}, {"min_val": 0.0, "max_val": 6.0}],
    "Hardsigmoid": [{}],
    "Hardswish": [{}],
    "Threshold": [{"threshold": 1.0, "value": 0.0}, {"threshold": -2.0, "value": 2.0}, {"threshold": 0.5, "value": -1.0}],
    "Hardshrink": [{}, {"lambd": 1.5}],
    "Softshrink": [{}, {"lambd": 1.5}, {"lambd": 0.0}],
}


def hand(name: str, x: torch.Tensor, **params):
    """f(x) and f'(x) from the page's formulas, with torch's parameter names."""
    f, df = HAND[name]
    if name == "PReLU":
        params = {"a": params.get("init", 0.25)}
    return f(x, **params), df(x, **params)


def grid(**params) -> torch.Tensor:
    """linspace(-6, 6, 1201) plus every kink of the default and the given parameters, and a little beyond."""
    extra = [abs(float(v)) for v in params.values() if isinstance(v, float)]
    return scalar_grid(-6.0, 6.0, 1201, extra=[*extra, 1e-9, 100.0, 1e4])


# -- the page --------------------------------------------------------------------


def page_sections() -> dict[str, str]:
    return sections(page_text(PAGE))


def properties(name: str) -> dict[str, str]:
    return property_table(page_sections()[name])


def test_the_page_has_one_section_per_module_and_no_other():
    assert list(page_sections()) == MODULES
    assert set(MODULES) <= set(torch.nn.modules.activation.__all__)


@pytest.mark.parametrize("name", MODULES)
def test_formula(name):
    for params in SETTINGS[name]:
        module = build(name, **params)
        x = grid(**params)
        y, dy = f_and_df(module, x)
        f, df = hand(name, x, **params)
        torch.testing.assert_close(y, f, msg=f"{name}({params}): f")
        torch.testing.assert_close(dy, df, msg=f"{name}({params}): f'")


# -- property tables ----------------------------------------------------------------

DEPRECATED = {"min_value", "max_value"}  # Hardtanh's old keyword names, named in the prose instead


@pytest.mark.parametrize("name", MODULES)
def test_signature_and_defaults(name):
    code = properties(name)["Signature"].strip("`")
    call = ast.parse(code, mode="eval").body
    assert isinstance(call, ast.Call) and ast.unparse(call.func) == f"nn.{name}"
    cls = getattr(torch.nn, name)
    parameters = inspect.signature(cls).parameters
    for arg in call.args:  # stated without a default: torch must not have one either
        assert parameters[arg.id].default is inspect.Parameter.empty, f"{name}({arg.id}) has a default"
    stated = {kw.arg: eval(compile(ast.Expression(kw.value), "<page>", "eval"), {"__builtins__": {}}) for kw in call.keywords}
    assert_defaults(cls, **stated)
    assert {arg.id for arg in call.args} | set(stated) | DEPRECATED >= set(parameters), f"{name}: parameters missing"


@pytest.mark.parametrize("name", MODULES)
def test_range(name):
    check_range(properties(name)["Range"], *outputs(name))
    if name == "Threshold":  # and with the value above the threshold
        check_range(properties(name)["Range"], *outputs(name, build(name, threshold=-2.0, value=2.0)), {r"\theta": -2.0, "v": 2.0})


@pytest.mark.parametrize("name", MODULES)
def test_monotonic(name):
    cell = properties(name)["Monotonic"]
    if name == "Threshold":
        assert cell == r"only if $v \le \theta$"
        assert is_monotonic(build(name, threshold=1.0, value=1.0)) and not is_monotonic(build(name, threshold=1.0, value=2.0))
    else:
        assert cell.split()[0].strip(",") == ("yes" if is_monotonic(build(name)) else "no")
    if name == "LeakyReLU":
        assert cell == "yes (for `negative_slope` $\\ge 0$)"
        assert is_monotonic(build(name, negative_slope=0.0)) and not is_monotonic(build(name, negative_slope=-0.1))
    if name == "PReLU":
        assert cell == r"yes, while the learned $a \ge 0$"
        assert not is_monotonic(build(name, init=-0.1))


@pytest.mark.parametrize("name", MODULES)
def test_bounded(name):
    with torch.no_grad():
        low, high = build(name)(torch.tensor([-1e6, 1e6], dtype=F64)).tolist()
    below, above = low > -100, high < 100
    expected = {(True, False): "below only", (True, True): "above and below", (False, False): "neither", (False, True): "above only"}
    assert properties(name)["Bounded"] == expected[below, above]


def _point(text: str) -> list[float]:
    """`0`, `\\pm 3`, `-1.5`, `\\theta` -> the points it names."""
    text = text.strip()
    plus_minus = text.startswith(r"\pm")
    text = text.removeprefix(r"\pm").strip()
    value = THETA if text == r"\theta" else float(text)
    return [-value, value] if plus_minus else [value]


@pytest.mark.parametrize("name", MODULES)
def test_kinks_and_autograd_values_there(name):
    where_part, autograd_part = properties(name)["Kinks"].split("; autograd:")
    stated = sorted(p for s in math_segments(where_part) if s.startswith("x =") for p in _point(s.removeprefix("x =")))
    found = kinks(name)
    assert len(found) == len(stated) and all(abs(f - s) < 2e-3 for f, s in zip(found, stated)), (found, stated)
    t, df, _ = smoothness_jumps(name)
    jumps = t[df > JUMP].tolist()
    if where_part.startswith("jumps at"):
        assert all(any(abs(j - s) < 2e-3 for j in jumps) for s in stated), f"{name} does not jump at {stated}"
    else:
        assert where_part.startswith("at ") and not jumps, f"{name} jumps at {jumps}"
    module = build(name)
    for segment in math_segments(autograd_part):
        match = re.fullmatch(r"f'\((.+)\) = (.+)", segment)
        assert match, segment
        points = _point(match.group(1))
        slopes = f_and_df(module, torch.tensor(points, dtype=F64))[1]
        assert slopes.tolist() == pytest.approx([float(match.group(2))] * len(points), abs=5e-5), segment


def test_threshold_with_value_equal_to_threshold_only_kinks():
    module = build("Threshold", threshold=1.0, value=1.0)
    t, df, ddf = smoothness_jumps("Threshold", module)
    assert df.max() < 0.01 and kinks("Threshold", module) == pytest.approx([1.0], abs=2e-3)


def _zero_gradient_set(cell: str, x: torch.Tensor) -> torch.Tensor:
    if cell == "nowhere":
        return torch.zeros_like(x, dtype=torch.bool)
    ops = {r"\le": torch.le, r"\ge": torch.ge, "=": torch.eq, "<": torch.lt, ">": torch.gt}
    mask = torch.zeros_like(x, dtype=torch.bool)
    for segment in math_segments(cell):
        match = re.fullmatch(r"(x|\\lvert x \\rvert) (\\le|\\ge|=|<|>) (.+)", segment)
        assert match, segment
        value = THETA if match.group(3) == r"\theta" else float(match.group(3))
        mask |= ops[match.group(2)](x.abs() if match.group(1) != "x" else x, value)
    return mask


@pytest.mark.parametrize("name", MODULES)
def test_zero_gradient(name):
    x = scalar_grid(extra=[-1.5])
    slopes = f_and_df(build(name), x)[1]
    expected = _zero_gradient_set(properties(name)["Zero gradient"], x)
    assert torch.equal(slopes == 0, expected), x[(slopes == 0) != expected][:5].tolist()


def _normal_cdf(x: float) -> float:
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


@pytest.mark.parametrize("name", MODULES)
def test_mean_output(name):
    (text,) = math_segments(properties(name)["Mean output"])
    mean = normal_mean(build(name))
    if name == "Threshold":
        assert text == r"v\,\Phi(\theta) + \varphi(\theta)"
        for theta, value in ((THETA, V), (-0.5, 0.3), (0.0, 0.0)):
            density = math.exp(-(theta**2) / 2) / math.sqrt(2 * math.pi)
            expected = value * _normal_cdf(theta) + density
            # the jump at theta costs the plain quadrature sum about step * jump * density
            assert normal_mean(build(name, threshold=theta, value=value)) == pytest.approx(expected, abs=2e-4)
        return
    if r"\approx" in text:
        exact, rounded = (part.strip() for part in text.split(r"\approx"))
        assert round(mean, 3) == float(rounded)
        if exact:
            match = re.fullmatch(r"([\d.]+)/\\sqrt\{2\\pi\}", exact)
            assert match, exact
            assert mean == pytest.approx(float(match.group(1)) / math.sqrt(2 * math.pi), abs=1e-6)
    else:
        assert mean == pytest.approx(float(text), abs=1e-9)


# -- claims in the prose --------------------------------------------------------------


def test_relu_claims():
    x = torch.linspace(-5, 5, 101, dtype=F64)
    relu = torch.nn.ReLU()
    for c in (0.5, 3.0):
        torch.testing.assert_close(relu(c * x), c * relu(x))
    assert _normal_cdf(0.0) == 0.5  # half of all standard-normal inputs give exactly 0
    assert f_and_df(relu, torch.tensor([2.0, 50.0], dtype=F64))[1].tolist() == [1.0, 1.0]


def test_relu_does_not_saturate_for_positive_inputs_unlike_sigmoid_and_tanh():
    """The opening's main reason for ReLU: slope exactly 1 for every positive input, however large."""
    x = torch.logspace(-6, 6, 121, dtype=F64)
    assert (f_and_df(torch.nn.ReLU(), x)[1] == 1).all()
    for squashing in (torch.nn.Sigmoid(), torch.nn.Tanh()):
        assert f_and_df(squashing, x)[1][x > 20].max() < 1e-8
    # 20 layers of unit weights: ReLU passes the whole gradient back
    h = torch.tensor(3.0, dtype=F64, requires_grad=True)
    out = h
    for _ in range(20):
        out = torch.relu(out)
    out.backward()
    assert h.grad.item() == 1.0


def test_leaky_relu_mean_barely_moves_from_relus():
    assert normal_mean(build("ReLU")) - normal_mean(build("LeakyReLU")) < 0.005


def test_prelu_parameter_and_its_gradient():
    prelu = torch.nn.PReLU().double()
    assert prelu.weight.tolist() == [0.25] and prelu.weight.requires_grad
    x = grid()
    (grad_a,) = torch.autograd.grad(prelu(x).sum(), prelu.weight)
    torch.testing.assert_close(grad_a, where(x >= 0, ZERO, x).sum().reshape(1))
    per_channel = torch.nn.PReLU(num_parameters=3).double()
    with torch.no_grad():
        per_channel.weight.copy_(torch.tensor([0.1, 0.2, 0.3]))
    images = torch.randn(2, 3, 4, 4, dtype=F64)
    torch.testing.assert_close(per_channel(images), where(images >= 0, images, images * per_channel.weight.view(1, 3, 1, 1)))


def test_rrelu_train_and_eval():
    torch.manual_seed(0)
    rrelu = torch.nn.RReLU().double()
    assert (LOWER + UPPER) / 2 == 11 / 48 and round(11 / 48, 4) == 0.2292
    x = -torch.ones(10_000, dtype=F64, requires_grad=True)
    y = rrelu.train()(x)
    (dy,) = torch.autograd.grad(y.sum(), x)
    slopes = (y / x).detach()
    assert slopes.min() >= LOWER and slopes.max() <= UPPER and slopes.unique().numel() > 9000
    torch.testing.assert_close(dy, slopes)  # f'(x) is the element's own slope
    assert not torch.equal(rrelu(x), rrelu(x))  # a fresh draw at every call
    positive = torch.linspace(0, 5, 11, dtype=F64)
    assert torch.equal(rrelu(positive), positive)
    torch.testing.assert_close(rrelu.eval()(x), x * 11 / 48)


def test_relu6_is_a_hardtanh_and_hardtanh_is_clamp():
    relu6 = torch.nn.ReLU6()
    assert isinstance(relu6, torch.nn.Hardtanh) and (relu6.min_val, relu6.max_val) == (0.0, 6.0)
    x = grid()
    torch.testing.assert_close(torch.nn.Hardtanh(-2.0, 3.0)(x), torch.clamp(x, -2.0, 3.0))
    with pytest.raises(AssertionError):
        torch.nn.Hardtanh(1.0, 1.0)
    with pytest.warns(FutureWarning):
        assert torch.nn.Hardtanh(min_value=-2.0).min_val == -2.0


def test_hardsigmoid_claims():
    x = grid()
    hard = torch.nn.Hardsigmoid()
    torch.testing.assert_close(hard(x), torch.nn.functional.relu6(x + 3) / 6)
    zero = torch.tensor([0.0], dtype=F64)
    assert hard(zero).item() == torch.sigmoid(zero).item() == 0.5
    assert f_and_df(hard, zero)[1].item() == pytest.approx(1 / 6) and f_and_df(torch.nn.Sigmoid(), zero)[1].item() == 0.25
    ones = torch.tensor([-1.0, 1.0], dtype=F64)
    assert (torch.sigmoid(ones) - hard(ones)).abs().tolist() == pytest.approx([0.064, 0.064], abs=5e-4)
    assert hard(torch.tensor([-3.0, 3.0], dtype=F64)).tolist() == [0.0, 1.0]  # reaches 0 and 1 exactly
    assert 0 < torch.sigmoid(torch.tensor(-30.0, dtype=F64)) and torch.sigmoid(torch.tensor(30.0, dtype=F64)) < 1


def test_sigmoid_reaches_0_and_1_only_by_float32_rounding():
    """Hardsigmoid is exactly 0 and 1 for |x| >= 3; float32 sigmoid from about 16.6 (1) and below about -88.7 (0)."""
    hard = torch.nn.Hardsigmoid()
    assert hard(torch.tensor([-5.0, -3.0, 3.0, 5.0])).tolist() == [0.0, 0.0, 1.0, 1.0]
    x = torch.linspace(-95, 20, 1_150_001, requires_grad=True)
    y = torch.sigmoid(x)
    (dy,) = torch.autograd.grad(y.sum(), x)
    x = x.detach()
    assert round(x[y == 1][0].item(), 1) == 16.6 and (y[x >= 16.7] == 1).all()
    assert round(x[y == 0][-1].item(), 1) == -88.7 and (y[x <= -88.8] == 0).all()
    assert round(math.log(torch.finfo(torch.float32).max), 1) == 88.7  # e^(-x) overflows below -88.7
    assert (dy[(y == 0) | (y == 1)] == 0).all() and (dy[(y > 0) & (y < 1)] > 0).all()


def test_hardswish_claims():
    x = grid()
    torch.testing.assert_close(torch.nn.Hardswish()(x), x * torch.nn.Hardsigmoid()(x))
    y = torch.nn.Hardswish().double()(scalar_grid(extra=[-1.5]))
    assert y.min().item() == -0.375 and torch.nn.Hardswish()(torch.tensor(-1.5, dtype=F64)).item() == -0.375
    eps = 1e-7  # one-sided slopes at the ends of the parabola
    side = f_and_df(build("Hardswish"), torch.tensor([-3 - eps, -3 + eps, 3 - eps, 3 + eps], dtype=F64))[1]
    assert side.tolist() == pytest.approx([0.0, -0.5, 1.5, 1.0], abs=1e-6)


def test_threshold_claims():
    x = grid()
    assert torch.equal(torch.nn.Threshold(0.0, 0.0)(x), torch.nn.ReLU()(x))
    assert torch.nn.Threshold(0.5, -1.0)(torch.tensor([0.5])).item() == -1.0  # strictly above, or replaced


def test_shrink_claims():
    x = grid()
    for lambd in (0.5, 1.5):
        torch.testing.assert_close(torch.nn.Softshrink(lambd)(x), x - x.clamp(-lambd, lambd))
        # Hardshrink jumps by lambda at ±lambda
        edge = torch.tensor([lambd, lambd + 1e-12], dtype=F64)
        assert torch.nn.Hardshrink(lambd)(edge).tolist() == pytest.approx([0.0, lambd])
    with pytest.raises(RuntimeError):
        torch.nn.Softshrink(-0.5)(x)
    # Softshrink is the proximal operator of lambda |u|: argmin_u (u - x)^2 / 2 + lambda |u|
    u = torch.linspace(-4, 4, 8001, dtype=F64)
    points = torch.tensor([-3.0, -0.7, -0.2, 0.0, 0.3, 0.5, 1.25, 2.5], dtype=F64)
    argmin = u[((u[None, :] - points[:, None]) ** 2 / 2 + 0.5 * u.abs()[None, :]).argmin(dim=1)]
    torch.testing.assert_close(argmin, torch.nn.Softshrink(0.5)(points), atol=1e-3, rtol=0)


# -- figures ------------------------------------------------------------------------


def test_every_figure_is_shown_in_its_section():
    from plots.families import activations_piecewise as family

    found = page_sections()
    for fig in family.FIGURES:
        (name,) = [n for n in MODULES if n.lower() == fig.name.removeprefix("activations/")]
        assert f"../figures/{fig.name}.svg)" in found[name], fig.name


def test_curve_figures_show_the_modules_f_and_autograds_f_prime():
    from plots.curves import X_RANGE, curve_data, draw_curves
    from plots.families import activations_piecewise as family

    for fig in family.FIGURES:
        if fig.draw is not draw_curves:
            continue
        name = fig.params["module"]
        for kwargs in fig.params.get("variants", ((),)):
            x, y, dy = (torch.tensor(v, dtype=F64) for v in curve_data(name, kwargs, fig.params.get("x_range", X_RANGE)))
            f, df = hand(name, x, **dict(kwargs))
            torch.testing.assert_close(y, f, msg=f"{fig.name} {kwargs}")
            torch.testing.assert_close(dy, df, msg=f"{fig.name} {kwargs}")
            torch.testing.assert_close(y, build(name, **dict(kwargs))(x).detach())


def test_prelu_figure_fits_the_slope_by_gradient_descent():
    from plots.families import activations_piecewise as family

    data = family.prelu_fit_data()
    x = torch.tensor(data["x"], dtype=F64)
    s, lr = family.PRELU_TARGET_SLOPE, 0.1
    torch.testing.assert_close(torch.tensor(data["t"], dtype=F64), where(x >= 0, x, s * x))
    # by hand: L = mean((a x - s x)^2 over x < 0), so dL/da = 2 (a - s) mean(x^2 [x < 0])
    curvature = (x**2 * (x < 0)).mean().item()
    slopes = [0.25]
    for _ in range(len(data["slopes"]) - 1):
        slopes.append(slopes[-1] - lr * 2 * (slopes[-1] - s) * curvature)
    assert data["slopes"] == pytest.approx(slopes, abs=1e-12)
    assert len(slopes) == 21 and round(slopes[-1], 2) == 0.6
    for key, a in (("0", slopes[0]), ("1", slopes[-1])):
        f, df = hand("PReLU", x, init=a)
        torch.testing.assert_close(torch.tensor(data["y" + key], dtype=F64), f)
        torch.testing.assert_close(torch.tensor(data["dy" + key], dtype=F64), df)


def test_rrelu_figure_shows_eval_slope_and_random_train_slopes():
    from plots.families import activations_piecewise as family

    (x, y, dy), (xt, yt, dyt) = (map(lambda v: torch.tensor(v, dtype=F64), part) for part in family.rrelu_data())
    f, df = hand("RReLU", x)
    torch.testing.assert_close(y, f)
    torch.testing.assert_close(dy, df)
    negative = xt < 0
    slopes = yt[negative] / xt[negative]
    assert slopes.min() >= LOWER and slopes.max() <= UPPER and slopes.std() > 0.03
    torch.testing.assert_close(dyt[negative], slopes)
    assert torch.equal(yt[~negative], xt[~negative]) and (dyt[xt > 0] == 1).all()

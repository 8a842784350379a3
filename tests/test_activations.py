"""Cross-page checks of the activation functions section, and docs/activations/index.md.

- Every activation module torch ships (`torch.nn.modules.activation.__all__`) has a
  `## <Name>` section on exactly one of the three section pages and a declared figure
  `activations/<name>.svg` that its section links to.
- The category tables and the at-a-glance table of the index page are parsed from the
  page, and every cell is checked numerically against torch.
- The formulas and numbers stated in the index page's prose are recomputed.

The range / smoothness / monotonicity / zero-centredness checkers are shared with
tests/test_activations_piecewise_linear.py.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
import torch

from plots.build import CACHE, all_figures
from tests.checks import sections, tables

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "activations"
PAGES = ("piecewise-linear.md", "smooth.md", "softmax-and-attention.md")
ACTIVATIONS = list(torch.nn.modules.activation.__all__)

# Threshold has no defaults: the tables describe it with threshold θ and value v,
# and these are the values the checks substitute.
THETA, V = 1.0, -2.0
# Functions of a whole vector (or of several inputs): no scalar graph.
VECTOR = {"Softmax", "Softmin", "LogSoftmax", "Softmax2d", "GLU", "MultiheadAttention"}
# Per-sample input shape of each vector function.
VECTOR_SHAPE = {"Softmax": (4,), "Softmin": (4,), "LogSoftmax": (4,), "Softmax2d": (3, 2, 2), "GLU": (4,), "MultiheadAttention": (3, 4)}

F64 = torch.float64


# -- reading the pages --------------------------------------------------------


def page_text(page: str) -> str:
    path = DOCS / page
    return path.read_text() if path.exists() else ""


def parse_link(cell: str) -> tuple[str, str, str]:
    """`[Name](page.md#anchor)` -> (Name, page.md, anchor)."""
    match = re.fullmatch(r"\[([^\]]+)\]\(([^)#]+)#([^)]+)\)", cell)
    assert match, f"not a section link: {cell!r}"
    return match.groups()


def index_tables_under(heading: str) -> list[list[list[str]]]:
    """The tables in the `## heading` section of the index page."""
    return tables(sections(page_text("index.md"))[heading])


def glance_rows() -> dict[str, list[str]]:
    (table,) = index_tables_under("All 29 at a glance")
    header, *rows = table
    assert header == ["Module", "Output range", "Smooth?", "Monotonic?", "Zero-centred?"]
    return {parse_link(row[0])[0]: row for row in rows}


def category_rows() -> dict[str, list[str]]:
    rows = {}
    for table in index_tables_under("Categories"):
        header, *body = table
        assert header == ["Module", "What it does", "Not smooth at"]
        for row in body:
            name = parse_link(row[0])[0]
            assert name not in rows, f"{name} is in two category tables"
            rows[name] = row
    return rows


def math_segments(cell: str) -> list[str]:
    return re.findall(r"\$(.+?)\$", cell)


# -- the modules as functions -------------------------------------------------


def build(name: str, **kwargs) -> torch.nn.Module:
    """The module with the parameters the tables describe, in float64 and evaluation mode."""
    nn = torch.nn
    torch.manual_seed(0)
    if name == "Threshold":
        module = nn.Threshold(kwargs.pop("threshold", THETA), kwargs.pop("value", V), **kwargs)
    elif name in ("Softmax", "Softmin", "LogSoftmax"):
        module = getattr(nn, name)(dim=-1)
    elif name == "MultiheadAttention":
        module = nn.MultiheadAttention(embed_dim=4, num_heads=2, batch_first=True)
    else:
        module = getattr(nn, name)(**kwargs)
    return module.to(F64).eval()


def apply(name: str, module, x: torch.Tensor) -> torch.Tensor:
    """Run a module on a batch `x` of shape `(N, *per-sample shape)`."""
    if name == "MultiheadAttention":
        return module(x, x, x, need_weights=False)[0]
    return module(x)


def scalar_grid(lo: float = -15.0, hi: float = 15.0, points: int = 30001, extra=()) -> torch.Tensor:
    """A fine float64 grid plus exact special points (kinks, minima)."""
    special = [0.0, 0.5, 1.0, 1.5, 3.0, 6.0, THETA, V, *extra]
    special += [-p for p in special]
    return torch.cat([torch.linspace(lo, hi, points, dtype=F64), torch.tensor(special, dtype=F64)]).unique()


def f_and_df(module, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """f(x) and f'(x) (autograd) of an element-wise module."""
    x = x.clone().requires_grad_(True)
    y = module(x)
    (dy,) = torch.autograd.grad(y.sum(), x)
    return y.detach(), dy


def outputs(name: str, module=None) -> tuple[torch.Tensor, torch.Tensor]:
    """`(moderate, tails)`: outputs for ordinary inputs, and outputs for huge inputs.

    Range membership is checked on the moderate outputs only (huge inputs round to
    the bounds in floating point); how close the outputs come to each bound is
    checked on both.
    """
    module = build(name) if module is None else module
    with torch.no_grad():
        if name in VECTOR:
            gen = torch.Generator().manual_seed(0)
            shape = VECTOR_SHAPE[name]
            moderate = apply(name, module, 3 * torch.randn(2000, *shape, generator=gen, dtype=F64))
            tails = apply(name, module, 1e4 * torch.randn(200, *shape, generator=gen, dtype=F64))
        else:
            moderate = module(scalar_grid())
            tails = module(torch.tensor([-1e6, -1e3, 1e3, 1e6], dtype=F64))
    return moderate.flatten(), tails.flatten()


# -- output ranges --------------------------------------------------------------


def _number(text: str, symbols: dict[str, float]) -> tuple[float, bool]:
    """A bound: `-0.375`, `\\infty`, `-\\infty`, `\\approx -0.170`, or a symbol. Returns (value, approximate)."""
    text = text.strip()
    approximate = text.startswith(r"\approx")
    text = text.removeprefix(r"\approx").strip()
    if text in symbols:
        return symbols[text], approximate
    if text.lstrip("-").strip() == r"\infty":
        return (-math.inf if text.startswith("-") else math.inf), approximate
    return float(text), approximate


def parse_range(cell: str, symbols: dict[str, float] | None = None) -> list[tuple]:
    """`$(-\\infty, -0.5) \\cup \\{0\\} \\cup (0.5, \\infty)$` -> [(lo, hi, lo_closed, hi_closed, approximate)]."""
    symbols = {r"\theta": THETA, "v": V} if symbols is None else symbols
    (text,) = math_segments(cell)
    pieces = []
    for part in text.split(r"\cup"):
        part = part.strip()
        if singleton := re.fullmatch(r"\\\{(.+)\\\}", part):
            value, approximate = _number(singleton.group(1), symbols)
            pieces.append((value, value, True, True, approximate))
            continue
        match = re.fullmatch(r"([\[(])(.+),(.+)([\])])", part)
        assert match, f"cannot read the interval {part!r}"
        lo, lo_approx = _number(match.group(2), symbols)
        hi, hi_approx = _number(match.group(3), symbols)
        pieces.append((lo, hi, match.group(1) == "[", match.group(4) == "]", lo_approx or hi_approx))
    return pieces


ROUNDED = 5e-4  # half a unit in the third decimal: bounds marked \approx are rounded to 3 decimals
REACH = 2e-3  # how close the outputs must come to an open finite bound


def check_range(cell: str, moderate: torch.Tensor, tails: torch.Tensor, symbols=None) -> None:
    """Every moderate output lies in the stated set, and the outputs reach every part of it."""
    pieces = parse_range(cell, symbols)
    inside = torch.zeros_like(moderate, dtype=torch.bool)
    for lo, hi, lo_closed, hi_closed, approximate in pieces:
        slack = ROUNDED if approximate else 0.0
        above = moderate >= lo - slack if (lo_closed or approximate) else moderate > lo
        below = moderate <= hi + slack if (hi_closed or approximate) else moderate < hi
        inside |= above & below
    assert inside.all(), f"{cell}: outputs outside the range, e.g. {moderate[~inside][:5].tolist()}"
    everything = torch.cat([moderate, tails])
    for lo, hi, lo_closed, hi_closed, approximate in pieces:
        for bound, closed in ((lo, lo_closed), (hi, hi_closed)):
            if math.isinf(bound):
                reached = (everything * math.copysign(1, bound) > 100).any()
                assert reached, f"{cell}: the outputs do not grow towards {bound}"
            elif approximate:
                gap = (moderate - bound).abs().min()
                assert gap < ROUNDED, f"{cell}: the outputs stay {gap:.2e} away from {bound}"
            elif closed:
                assert (moderate == bound).any(), f"{cell}: the closed bound {bound} is never attained"
            else:
                gap = (everything - bound).abs().min()
                assert gap < REACH, f"{cell}: the outputs stay {gap:.2e} away from {bound}"


# -- smoothness, monotonicity, zero-centredness ---------------------------------


def smoothness_jumps(name: str, module=None) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """`(t, |Δf|, |Δf'|)` between neighbouring points of a fine grid.

    Element-wise modules: along x in [-8, 8]. Vector functions: along the line
    x0 + t d through input space (t in [-4, 4]), for the scalar g(t) = w · f(x0 + t d).
    """
    module = build(name) if module is None else module
    half = 4.0 if name in VECTOR else 8.0  # the same 0.001 step; shorter for the costlier vector functions
    t = torch.linspace(-half, half, int(2000 * half) + 1, dtype=F64, requires_grad=True)
    if name in VECTOR:
        gen = torch.Generator().manual_seed(1)
        shape = VECTOR_SHAPE[name]
        x0, d = torch.randn(2, *shape, generator=gen, dtype=F64)
        x = x0 + t.reshape(-1, *[1] * len(shape)) * d
        y = apply(name, module, x)
        w = torch.randn(y.shape[1:], generator=gen, dtype=F64)
        g = (y * w).flatten(1).sum(1)
    else:
        g = module(t)
    (dg,) = torch.autograd.grad(g.sum(), t)
    g = g.detach()
    midpoints = (t[1:] + t[:-1]).detach() / 2
    return midpoints, g.diff().abs(), dg.diff().abs()


SMOOTH_STEP = 0.01  # on a 0.001 grid, a C^1 function's value and slope move by less than this per step
JUMP = 0.05  # a kink or jump changes the slope or value by more than this in one step


def is_smooth(name: str, module=None) -> bool:
    _, df, ddf = smoothness_jumps(name, module)
    biggest = max(df.max().item(), ddf.max().item())
    assert biggest < SMOOTH_STEP or biggest > JUMP, f"{name}: unclear smoothness (largest step {biggest})"
    return biggest < SMOOTH_STEP


def kinks(name: str, module=None) -> list[float]:
    """The points (to 0.01) where f or f' jumps, for an element-wise module or a vector function's line."""
    t, df, ddf = smoothness_jumps(name, module)
    points = t[(df > JUMP) | (ddf > JUMP)].tolist()
    clusters: list[float] = []
    for p in points:
        if not clusters or p - clusters[-1] > 0.01:
            clusters.append(p)
    return clusters


def is_monotonic(module) -> bool:
    with torch.no_grad():
        steps = module(scalar_grid()).diff()
    assert steps.min() > -1e-12 or steps.min() < -1e-6, "unclear monotonicity"
    return bool(steps.min() > -1e-12)


def normal_mean(module) -> float:
    """E[f(Z)] for Z ~ N(0, 1), by quadrature on a symmetric grid (exact zero for odd f)."""
    z = torch.linspace(-12.0, 12.0, 240001, dtype=F64)
    density = torch.exp(-z**2 / 2) / math.sqrt(2 * math.pi)
    with torch.no_grad():
        return (module(z) * density).sum().item() * (z[1] - z[0]).item()


def vector_mean(name: str) -> float:
    """Mean output for standard-normal inputs (Monte Carlo; for GLU with antithetic pairs)."""
    gen = torch.Generator().manual_seed(2)
    x = torch.randn(20000, *VECTOR_SHAPE[name], generator=gen, dtype=F64)
    if name == "GLU":  # negating the first half negates the output: the mean is exactly zero
        x = torch.cat([x, torch.cat([-x[:, :2], x[:, 2:]], 1)])
    with torch.no_grad():
        return apply(name, build(name), x).mean().item()


# -- every activation has one section and one figure ----------------------------


def test_torch_ships_29_activation_modules():
    assert len(ACTIVATIONS) == len(set(ACTIVATIONS)) == 29
    assert all(isinstance(getattr(torch.nn, name), type) for name in ACTIVATIONS)


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_each_activation_has_a_section_on_exactly_one_page(name):
    holders = [page for page in PAGES if name in sections(page_text(page))]
    assert len(holders) == 1, f"## {name} is on {holders or 'no page'}"


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_each_activation_has_a_declared_figure_linked_from_its_section(name):
    figure = f"activations/{name.lower()}"
    assert figure in {fig.name for fig in all_figures()}, f"no family declares {figure}"
    for page in PAGES:
        if name in (found := sections(page_text(page))):
            assert f"../figures/{figure}.svg)" in found[name], f"## {name} on {page} does not show {figure}.svg"


def test_every_figure_link_on_the_activation_pages_is_declared():
    declared = {fig.name for fig in all_figures()}
    for page in ("index.md", *PAGES):
        for link in re.findall(r"\]\(\.\./figures/([^)]+)\.svg\)", page_text(page)):
            assert link in declared, f"{page} links figures/{link}.svg, which no family declares"


def test_rendered_activation_figures_are_light():
    for path in sorted((CACHE / "activations").glob("*.svg")):
        assert path.stat().st_size < 40_000, f"{path.name} is {path.stat().st_size} bytes"


# -- the tables of the index page -------------------------------------------------


def test_glance_table_lists_all_29_and_links_each_to_its_section():
    rows = glance_rows()
    assert sorted(rows) == sorted(ACTIVATIONS)
    for name, row in rows.items():
        _, page, anchor = parse_link(row[0])
        assert anchor == name.lower()
        assert name in sections(page_text(page)), f"{row[0]}: {page} has no ## {name}"


def test_category_tables_list_all_29_once_on_the_page_of_their_section():
    rows = category_rows()
    assert sorted(rows) == sorted(ACTIVATIONS)
    for name, row in rows.items():
        _, page, anchor = parse_link(row[0])
        assert anchor == name.lower() and page in PAGES
        assert name in sections(page_text(page)), f"{row[0]}: {page} has no ## {name}"


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_glance_range(name):
    check_range(glance_rows()[name][1], *outputs(name))


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_glance_smooth(name):
    assert glance_rows()[name][2] == ("yes" if is_smooth(name) else "no")


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_glance_monotonic(name):
    cell = glance_rows()[name][3]
    if name in VECTOR:
        assert cell == "—"
    elif name == "Threshold":
        assert cell == r"if $v \le \theta$"
        assert is_monotonic(build(name, threshold=1.0, value=-2.0))
        assert is_monotonic(build(name, threshold=1.0, value=1.0))
        assert not is_monotonic(build(name, threshold=1.0, value=1.5))
    else:
        assert cell == ("yes" if is_monotonic(build(name)) else "no")


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_glance_zero_centred(name):
    cell = glance_rows()[name][4]
    if name == "MultiheadAttention":
        assert cell == "—"
        return
    mean = vector_mean(name) if name in VECTOR else normal_mean(build(name))
    if cell == "yes":
        assert abs(mean) < (0.02 if name in VECTOR else 1e-6), mean
    else:
        assert cell == "no" and abs(mean) > 0.05, mean


@pytest.mark.parametrize("name", ACTIVATIONS)
def test_category_not_smooth_at(name):
    cell = category_rows()[name][2]
    if cell == "—":
        assert is_smooth(name)
        return
    stated = []
    for segment in math_segments(cell):
        match = re.fullmatch(r"x = (\\pm )?(.+)", segment.strip())
        assert match, segment
        value = THETA if match.group(2).strip() == r"\theta" else float(match.group(2))
        stated += [-value, value] if match.group(1) else [value]
    found = kinks(name)
    assert len(found) == len(stated), (found, stated)
    assert all(abs(f - s) < 2e-3 for f, s in zip(found, sorted(stated))), (found, stated)


# -- formulas in the category tables ----------------------------------------------


def test_category_table_formulas():
    nn, x = torch.nn, torch.linspace(-6, 6, 241, dtype=F64)
    sigmoid = 1 / (1 + torch.exp(-x))
    normal_cdf = 0.5 * (1 + torch.erf(x / math.sqrt(2)))
    softplus = torch.log1p(torch.exp(x))
    checks = {
        "Sigmoid": sigmoid,
        "LogSigmoid": torch.log(sigmoid),
        "Softplus": softplus,
        "Softsign": x / (1 + x.abs()),
        "Tanhshrink": x - torch.tanh(x),
        "ELU": torch.where(x > 0, x, torch.exp(x) - 1),
        "GELU": x * normal_cdf,
        "SiLU": x * sigmoid,
        "Mish": x * torch.tanh(softplus),
        "Hardswish": x * nn.Hardsigmoid()(x),
    }
    for name, expected in checks.items():
        torch.testing.assert_close(getattr(nn, name)()(x), expected, msg=name)
    beta = 2.0
    torch.testing.assert_close(nn.Softplus(beta=beta)(x), torch.log1p(torch.exp(beta * x)) / beta)
    for alpha in (0.5, 2.0):  # CELU: C^1 for every alpha; ELU only for alpha = 1
        assert is_smooth("CELU", build("CELU", alpha=alpha))
        assert not is_smooth("ELU", build("ELU", alpha=alpha))
    v = torch.randn(5, 4, dtype=F64)
    torch.testing.assert_close(nn.Softmax(dim=-1)(v), v.exp() / v.exp().sum(-1, keepdim=True))
    torch.testing.assert_close(nn.Softmin(dim=-1)(v), nn.Softmax(dim=-1)(-v))
    torch.testing.assert_close(nn.LogSoftmax(dim=-1)(v), nn.Softmax(dim=-1)(v).log())
    images = torch.randn(2, 3, 4, 4, dtype=F64)
    torch.testing.assert_close(nn.Softmax2d()(images), nn.Softmax(dim=-3)(images))
    a, b = v[:, :2], v[:, 2:]
    torch.testing.assert_close(nn.GLU()(v), a * torch.sigmoid(b))
    assert sum(p.numel() for p in nn.MultiheadAttention(4, 2).parameters()) > 0
    assert all(not list(getattr(nn, n)().parameters()) for n in ("GLU", "Softmax2d", "Tanh"))


# -- claims in the index page's prose -------------------------------------------------


def test_two_linear_layers_collapse_into_one():
    torch.manual_seed(0)
    first, second = torch.nn.Linear(3, 5).double(), torch.nn.Linear(5, 2).double()
    x = torch.randn(7, 3, dtype=F64)
    torch.testing.assert_close(second(first(x)), x @ (second.weight @ first.weight).T + second.weight @ first.bias + second.bias)


def test_chain_rule_product():
    torch.manual_seed(0)
    weights = torch.rand(6, dtype=F64) + 0.5
    x = torch.tensor(0.3, dtype=F64, requires_grad=True)
    h, factors = x, []
    for w in weights:
        z = (w * h).detach().requires_grad_(True)
        (slope,) = torch.autograd.grad(torch.tanh(z), z)
        factors.append(slope * w)
        h = torch.tanh(w * h)
    h.backward()
    torch.testing.assert_close(x.grad, torch.stack(factors).prod())


def test_sigmoid_and_tanh_derivatives():
    x = torch.linspace(-20, 20, 4001, dtype=F64)
    s_slope = f_and_df(torch.nn.Sigmoid(), x)[1]
    t_slope = f_and_df(torch.nn.Tanh(), x)[1]
    torch.testing.assert_close(s_slope, torch.sigmoid(x) * (1 - torch.sigmoid(x)))
    torch.testing.assert_close(t_slope, 1 - torch.tanh(x) ** 2)
    assert s_slope.max() == 0.25 and t_slope.max() == 1.0  # both at x = 0
    relu_slope = f_and_df(torch.nn.ReLU(), x[x > 0])[1]
    assert (relu_slope == 1).all()


def test_tanh_derivative_is_larger_near_zero_and_decays_faster():
    x = torch.linspace(0, 20, 200001, dtype=F64)
    s_slope = f_and_df(torch.nn.Sigmoid(), x)[1]
    t_slope = f_and_df(torch.nn.Tanh(), x)[1]
    crossing = x[(t_slope < s_slope).nonzero()[0]].item()
    assert round(crossing, 2) == 1.66
    assert (t_slope[x < 1.66] > s_slope[x < 1.66]).all() and (t_slope[x > 1.67] < s_slope[x > 1.67]).all()
    five = torch.tensor([5.0], dtype=F64)
    assert f"{f_and_df(torch.nn.Tanh(), five)[1].item():.1e}" == "1.8e-04"
    assert f"{f_and_df(torch.nn.Sigmoid(), five)[1].item():.1e}" == "6.6e-03"
    far = torch.tensor([15.0], dtype=F64)  # tails: 4 e^(-2x) and e^(-x)
    assert f_and_df(torch.nn.Tanh(), far)[1].item() == pytest.approx(4 * math.exp(-30), rel=1e-9)
    assert f_and_df(torch.nn.Sigmoid(), far)[1].item() == pytest.approx(math.exp(-15), rel=1e-6)
    # in depth: a sigmoid chain settles at its fixed point h = sigma(h) = 0.659, where the slope is 0.22;
    # a tanh chain's signal goes to 0, where the slope is 1
    h, g = torch.tensor(1.0, dtype=F64), torch.tensor(1.0, dtype=F64)
    for _ in range(500):
        h, g = torch.sigmoid(h), torch.tanh(g)
    assert round((torch.sigmoid(h) * (1 - torch.sigmoid(h))).item(), 2) == 0.22
    assert 1 - torch.tanh(g).item() ** 2 > 0.99


def test_open_bounds_are_reached_in_float32():
    assert torch.tanh(torch.tensor(10.0)).item() == 1.0 and torch.tanh(torch.tensor(-10.0)).item() == -1.0
    assert torch.tanh(torch.tensor(10.0, dtype=F64)).item() < 1.0
    assert torch.sigmoid(torch.tensor(16.5)).item() < 1.0 and torch.sigmoid(torch.tensor(16.7)).item() == 1.0
    assert round(24 * math.log(2), 1) == 16.6
    assert torch.log_softmax(torch.tensor([0.0, -17.0]), dim=0)[0].item() == 0.0


def test_kink_values_of_autograd():
    one_sided = {"ReLU": (0.0, 0.0), "LeakyReLU": (0.0, 0.01), "ReLU6": (6.0, 0.0), "Hardtanh": (1.0, 0.0), "ELU": (0.0, 1.0)}
    for name, (point, slope) in one_sided.items():
        assert f_and_df(build(name), torch.tensor([point], dtype=F64))[1].item() == pytest.approx(slope)
    lam, alpha = 1.0507009873554805, 1.6732632423543772
    assert f_and_df(build("SELU"), torch.tensor([0.0], dtype=F64))[1].item() == pytest.approx(lam * alpha)
    right = f_and_df(build("SELU"), torch.tensor([1e-9], dtype=F64))[1].item()
    assert right == pytest.approx(lam) and round(lam * alpha, 4) == 1.7581 and round(lam, 4) == 1.0507
    assert round(alpha, 4) == 1.6733
    torch.testing.assert_close(build("SELU")(torch.tensor([-1.0, 1.0], dtype=F64)), lam * torch.tensor([alpha * (math.exp(-1) - 1), 1.0], dtype=F64))


def test_mean_outputs_stated_in_the_prose():
    assert normal_mean(build("ReLU")) == pytest.approx(1 / math.sqrt(2 * math.pi), abs=1e-9)
    assert round(1 / math.sqrt(2 * math.pi), 3) == 0.399
    assert round(normal_mean(build("ELU")), 3) == 0.161
    assert normal_mean(build("Sigmoid")) == pytest.approx(0.5, abs=1e-9)
    assert abs(normal_mean(build("Tanh"))) < 1e-12


def test_selu_keeps_mean_zero_and_variance_one():
    z = torch.linspace(-12.0, 12.0, 240001, dtype=F64)
    density = torch.exp(-z**2 / 2) / math.sqrt(2 * math.pi)
    y = build("SELU")(z)
    dz = (z[1] - z[0]).item()
    assert abs((y * density).sum().item() * dz) < 1e-6
    assert (y**2 * density).sum().item() * dz == pytest.approx(1.0, abs=1e-6)
    torch.manual_seed(0)
    w = torch.empty(500, 400)  # fan_in = 400
    torch.nn.init.kaiming_normal_(w, nonlinearity="linear")  # LeCun normal: std = 1/sqrt(fan_in)
    assert w.std().item() == pytest.approx(1 / math.sqrt(400), rel=0.01) and abs(w.mean().item()) < 1e-3


# -- the overview figure ---------------------------------------------------------------


def test_overview_figure_data_is_the_modules_output():
    from plots.families import activations_overview as family

    data = family.overview_data()
    assert [title for title, _ in data] == [title for title, _, _ in family.PANELS]
    for (_, x_range, curves), (_, drawn) in zip(family.PANELS, data):
        for (module, kwargs), (label, x, y) in zip(curves, drawn):
            assert label.startswith(module)
            xs = torch.tensor(x, dtype=F64)
            assert xs[0] == x_range[0] and xs[-1] == x_range[1] and len(x) == family.POINTS
            expected = getattr(torch.nn, module)(**dict(kwargs)).double()(xs)
            torch.testing.assert_close(torch.tensor(y, dtype=F64), expected.detach(), msg=module)


def test_relu_halves_the_second_moment_of_a_symmetric_input():
    z = torch.linspace(-12.0, 12.0, 240001, dtype=F64)
    density = torch.exp(-z**2 / 2) / math.sqrt(2 * math.pi)
    second_moment = (torch.relu(z) ** 2 * density).sum().item() * (z[1] - z[0]).item()
    assert second_moment == pytest.approx(0.5, abs=1e-9)  # E[z^2] = 1


def _is_element_wise(name: str) -> bool:
    """Output shaped like the input, each output entry depending on its own input entry only."""
    module = build(name)
    shape = (1, *VECTOR_SHAPE[name]) if name in VECTOR else (6,)
    x = torch.randn(shape, generator=torch.Generator().manual_seed(3), dtype=F64)
    y = apply(name, module, x)
    if y.shape != x.shape:
        return False
    jacobian = torch.autograd.functional.jacobian(lambda t: apply(name, module, t), x).reshape(x.numel(), x.numel())
    return bool((jacobian - torch.diag(jacobian.diagonal())).abs().max() == 0)


def test_home_page_counts_element_wise_and_vector_valued_activations():
    vector_valued = {name for name in ACTIVATIONS if not _is_element_wise(name)}
    assert vector_valued == VECTOR
    home = (ROOT / "docs" / "index.md").read_text()
    (row,) = [line for line in home.splitlines() if line.startswith("| [Activation functions]")]
    assert f"all {len(ACTIVATIONS)} activation modules" in row
    assert f"each of the {len(ACTIVATIONS) - len(VECTOR)} element-wise ones" in row
    assert f"the {len(VECTOR)} vector-valued ones" in row

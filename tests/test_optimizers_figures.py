"""Checks for the per-optimizer figures of docs/optimizers/index.md (plots/families/optimizer_paths.py).

- Every optimizer `torch.optim` exports has a figure of its own, linked from its `## <Name>`
  section and from no other section.
- Each data function is compared with the page's update rules by hand (the rules of
  tests/test_optimizers.py), fed the gradient autograd gives on the same test function.
- Every number an alt text or caption states is recomputed from the figure's data.
"""

from __future__ import annotations

import math
import re

import pytest
import torch

from plots.build import CACHE, all_figures
from plots.families import optimizer_paths as fam
from tests import test_optimizers as rules
from tests.checks import sections

F64 = torch.float64
SECTIONS = sections(rules.page_text())
PATH_FIGURES = {fig.name: fig.params for fig in fam.FIGURES if fig.draw is fam.draw_optimizer}
RULES = {
    "SGD": rules.sgd_rule, "Adagrad": rules.adagrad_rule, "RMSprop": rules.rmsprop_rule,
    "Adadelta": rules.adadelta_rule, "Adam": rules.adam_rule, "AdamW": rules.adamw_rule,
    "Adamax": rules.adamax_rule, "NAdam": rules.nadam_rule, "RAdam": rules.radam_rule, "Rprop": rules.rprop_rule,
}


def alt_text(name: str) -> str:
    """The alt text of the figure `optimizers/<name>.svg` on the page."""
    (alt,) = re.findall(rf"!\[([^\]]+)\]\(\.\./figures/optimizers/{name}\.svg\)", rules.page_text())
    return alt


def short(value: float) -> str:
    """How the alt texts write a loss: two significant digits, or one in powers of ten below 0.01."""
    return f"{value:.2g}" if value >= 0.01 else f"{value:.0e}"


def point(x: float, y: float) -> str:
    return f"({x:.2f}, {y:.2f})".replace("-0.00", "0.00")


def run(figure: str, label: str):
    params = PATH_FIGURES[f"optimizers/{figure}"]
    ((_, name, kwargs),) = [v for v in params["variants"] if v[0] == label]
    return fam.path_data(name, kwargs, params["problem"], params["steps"])


# ---- one figure per optimizer --------------------------------------------------------------------


@pytest.mark.parametrize("name", rules.torch_optimizers())
def test_every_optimizer_section_shows_a_figure_of_its_own(name):
    figure = f"optimizers/{name.lower()}"
    assert figure in {fig.name for fig in all_figures()}, f"no family declares {figure}"
    assert f"](../figures/{figure}.svg)" in SECTIONS[name], f"## {name} does not show {figure}.svg"
    others = [heading for heading, body in SECTIONS.items() if heading != name and f"/{figure}.svg)" in body]
    assert not others, f"{figure}.svg is also shown under {others}"


def test_every_figure_link_on_the_optimizer_pages_is_declared():
    declared = {fig.name for fig in all_figures()}
    for page in ("index.md", "lr-schedulers.md"):
        text = (rules.PAGE.parent / page).read_text()
        for link in re.findall(r"\]\(\.\./figures/([^)]+)\.svg\)", text):
            assert link in declared, f"{page} links figures/{link}.svg, which no family declares"


def test_rendered_optimizer_figures_are_light():
    for path in sorted((CACHE / "optimizers").glob("*.svg")):
        assert path.stat().st_size < 40_000, f"{path.name} is {path.stat().st_size} bytes"


# ---- the data functions against the update rules by hand -------------------------------------------


def gradient(problem, theta):
    theta = theta.detach().clone().requires_grad_(True)
    fam.f(problem, theta[0], theta[1]).backward()
    return theta.grad


@pytest.mark.parametrize("figure", sorted(PATH_FIGURES))
def test_path_data_is_the_optimizer_step_by_step(figure):
    params = PATH_FIGURES[figure]
    problem = params["problem"]
    paths = fam.paths_data(tuple((name, kwargs) for _, name, kwargs in params["variants"]), problem, steps=30)
    for (label, name, kwargs), (xs, ys, losses) in zip(params["variants"], paths):
        assert len(xs) == len(ys) == len(losses) == 31
        hand, state = RULES[name](**dict(kwargs)), {}
        theta = torch.tensor(fam.PROBLEMS[problem][2], dtype=F64)
        assert [xs[0], ys[0]] == theta.tolist()
        for t in range(1, 31):
            theta = hand(theta, gradient(problem, theta), t, state)
            torch.testing.assert_close([xs[t], ys[t]], theta.tolist(), msg=f"{figure}, {label}, step {t}")
            assert losses[t] == pytest.approx(fam.f(problem, xs[t], ys[t]), rel=1e-12, abs=1e-15)


def test_test_functions_and_their_minima():
    for problem, (_, _, start, minimum, _) in fam.PROBLEMS.items():
        assert fam.f(problem, *minimum) == 0
        theta = torch.tensor(minimum, dtype=F64)
        assert gradient(problem, theta).abs().max() < 1e-12, problem
    assert fam.f("beale", 1.0, 1.5) == pytest.approx(41.25, rel=1e-12)


@pytest.mark.parametrize("figure", sorted(PATH_FIGURES))
def test_alt_text_states_each_runs_first_and_last_loss(figure):
    params = PATH_FIGURES[figure]
    alt = alt_text(figure.split("/")[1])
    assert f"{params['steps']} steps" in alt
    for label, name, kwargs in params["variants"]:
        losses = fam.path_data(name, kwargs, params["problem"], params["steps"])[2]
        assert short(losses[-1]) in alt, (label, short(losses[-1]))
        assert short(losses[0]) in alt


def test_sgd_figure_claims():
    plain, momentum, nesterov = (run("sgd", label) for label in ("plain", "momentum=0.8", "momentum=0.8, nesterov=True"))
    assert abs(plain[1][10]) < 0.002 and plain[0][-1] == pytest.approx(-1.19, abs=0.005)  # y settles, x crawls
    swing = [max(abs(y) for y in path[1][2:]) for path in (momentum, nesterov)]
    assert 0.45 < swing[1] / swing[0] < 0.55  # "halves the zig-zag"


def test_adagrad_figure_claims():
    xs, ys, _ = run("adagrad", "lr=0.1")
    assert f"x = {xs[-1]:.2f}" in alt_text("adagrad")
    torch.testing.assert_close([xs[0] - xs[1], ys[0] - ys[1]], [-0.1, 0.1])  # both by lr at first


def test_rmsprop_figure_claims():
    losses = run("rmsprop", "alpha=0.9")[2]
    assert short(min(losses)) == "6e-06" and losses[-1] > 1000 * min(losses)
    assert "within 6e-06" in alt_text("rmsprop")


def test_endpoints_stated_in_alt_texts():
    for figure, label in (("adadelta", "lr=1.0 (default)"), ("adamw", "Adam, weight_decay=0.5 (L2)"),
                          ("adamw", "AdamW, weight_decay=0.5"), ("adamax", "Adamax"), ("adamax", "Adam"),
                          ("nadam", "NAdam"), ("nadam", "Adam"), ("radam", "RAdam"),
                          ("rprop", "step_sizes=(1e-6, 0.01)")):
        xs, ys, _ = run(figure, label)
        assert point(xs[-1], ys[-1]) in alt_text(figure), (figure, label, point(xs[-1], ys[-1]))
    xs, ys, _ = run("adam", "betas=(0.9, 0.9)")
    assert point(xs[-1], ys[-1]) == "(1.00, 1.00)"
    xs, ys, _ = run("rprop", "defaults")
    assert point(xs[-1], ys[-1]) == "(3.00, 0.50)"


def test_adam_beta2_decides_the_step_along_the_valley():
    """With beta2 = 0.999 the steps along the valley stay far below lr; with 0.9 they do not."""

    def mean_step(label):
        xs, ys, _ = run("adam", label)
        return sum(math.dist((xs[t], ys[t]), (xs[t + 1], ys[t + 1])) for t in range(50, 100)) / 50

    assert mean_step("betas=(0.9, 0.999)") < 0.1 * 0.05 and mean_step("betas=(0.9, 0.9)") > 3 * mean_step("betas=(0.9, 0.999)")


def test_adamax_keeps_the_maximum_of_the_start():
    p = torch.tensor(fam.PROBLEMS["rosenbrock"][2], dtype=F64, requires_grad=True)
    first = gradient("rosenbrock", p).abs().max().item()
    optimizer = torch.optim.Adamax([p], lr=0.2)
    for _ in range(200):
        optimizer.zero_grad()
        fam.f("rosenbrock", p[0], p[1]).backward()
        last = p.grad.abs().max().item()
        optimizer.step()
    u = optimizer.state[p]["exp_inf"].max().item()
    assert first > 100 and u >= 0.999**200 * first and u > 10 * last  # decays by 0.1% a step at most


def test_radam_overshoots_in_its_first_five_steps():
    xs, ys, _ = run("radam", "RAdam")
    assert f"{min(ys[:7]):.1f}" == "-0.7" and ys.index(min(ys[:7])) <= 5
    assert "from 1 to -0.7" in alt_text("radam")


# ---- ASGD, LBFGS, SparseAdam, Muon, Adafactor ------------------------------------------------------------


def asgd_params():
    (params,) = [fig.params for fig in fam.FIGURES if fig.name == "optimizers/asgd"]
    return params


def test_asgd_data_is_the_rule_by_hand_with_the_same_noise():
    params = asgd_params()
    raw, average = fam.asgd_data(params["kwargs"], steps=120, noise=params["noise"])
    generator = torch.Generator().manual_seed(0)
    hand, state = rules.asgd_rule(**dict(params["kwargs"])), {}
    theta = torch.tensor(fam.PROBLEMS["quadratic"][2], dtype=F64)
    for t in range(1, 121):
        g = gradient("quadratic", theta) + params["noise"] * torch.randn(2, generator=generator, dtype=F64)
        theta = hand(theta, g, t, state)
        torch.testing.assert_close([raw[0][t], raw[1][t]], theta.tolist(), rtol=1e-6, atol=1e-7)
        torch.testing.assert_close([average[0][t], average[1][t]], state["ax"].tolist(), rtol=1e-6, atol=1e-7)


def test_asgd_figure_claims():
    params = asgd_params()
    raw, average = fam.asgd_data(params["kwargs"], steps=params["steps"], noise=params["noise"])
    alt, t0 = alt_text("asgd"), dict(params["kwargs"])["t0"]
    last = raw[2][-101:]
    assert f"between {short(min(last))} and {short(max(last))}" in alt and f"{short(raw[2][-1])} at the end" in alt
    assert f"ends at loss {short(average[2][-1])}" in alt and f"from step {t0 + 2:g}" in alt
    assert average[2][-1] < min(last) * 1.2 and average[2][-1] < raw[2][-1] / 100


def test_lbfgs_data_counts_the_closure_and_its_first_call_is_the_rule_by_hand():
    xs, ys, losses, ends = fam.lbfgs_data(())
    assert ends == [20, 40, 60, 62]  # max_iter=20 iterations, one evaluation each, without a line search
    start = torch.tensor(fam.PROBLEMS["rosenbrock"][2], dtype=F64)
    theta = rules.lbfgs_by_hand(start, lambda th: gradient("rosenbrock", th), 19)
    torch.testing.assert_close([xs[19], ys[19]], theta.tolist())  # the 20th evaluation is at the 19th iterate
    for x, y, loss in zip(xs, ys, losses):
        assert loss == fam.f("rosenbrock", x, y)
    alt = alt_text("lbfgs")
    worst = max(range(len(losses)), key=losses.__getitem__)
    assert f"evaluation {worst + 1} jumps out to {point(xs[worst], ys[worst])} with loss {losses[worst]:.0e}" in alt
    assert f"{short(losses[59])} after 60 evaluations and {short(losses[61])} after 62" in alt
    xs, ys, losses, ends = fam.lbfgs_data((("line_search_fn", "strong_wolfe"),))
    assert ends[0] == 25 and f"{short(losses[ends[1] - 1])} after {ends[1]}" in alt
    assert max(losses) < 6 * losses[0]


def test_sparse_adam_moves_exactly_the_rows_looked_up():
    lookups, moved, losses = fam.sparse_adam_data()
    assert sum(lookups) == 4 * 150 and lookups[-2:] == [0, 0]
    assert all((count == 0) == (distance == 0.0) for count, distance in zip(lookups, moved))
    looked_up = [d for c, d in zip(lookups, moved) if c]
    alt = alt_text("sparseadam")
    assert f"by {min(looked_up):.2f} to {max(looked_up):.2f}" in alt
    assert f"from {short(losses[0])} to {short(losses[-1])}" in alt


def muon_params():
    (params,) = [fig.params for fig in fam.FIGURES if fig.name == "optimizers/muon"]
    return {label: (name, kwargs) for label, name, kwargs in params["variants"]}


def test_matrix_data_first_updates():
    """AdamW's first update is lr * sign(g); Muon's is lr sqrt(16/8) NS((1 + mu) g), up to bfloat16."""
    x, y, w0 = fam.matrix_problem()
    w = w0.clone().requires_grad_(True)
    ((x @ w - y) ** 2).sum(1).mean().backward()
    g = w.grad
    variants = muon_params()
    _, adamw = fam.matrix_data(*variants["AdamW, lr=0.05"], steps=1)
    torch.testing.assert_close(adamw, torch.linalg.svdvals(0.05 * g.sign()).tolist())
    _, muon = fam.matrix_data(*variants["Muon, lr=0.05"], steps=1)
    expected = torch.linalg.svdvals(0.05 * math.sqrt(2) * rules.newton_schulz(1.95 * g))
    torch.testing.assert_close(muon, expected.tolist(), rtol=0.05, atol=0.0)


def test_muon_figure_claims():
    variants, alt = muon_params(), alt_text("muon")
    results = {label: fam.matrix_data(name, kwargs) for label, (name, kwargs) in variants.items()}
    muon_losses, muon_first = results["Muon, lr=0.05"]
    adamw_losses, adamw_first = results["AdamW, lr=0.05"]
    assert f"between {muon_first[-1] / muon_first[0]:.2f} and 1" in alt
    assert f"fall to {adamw_first[-1] / adamw_first[0]:.2f}" in alt
    assert f"AdamW is at loss {short(adamw_losses[-1])} and Muon at {short(muon_losses[-1])}" in alt


def test_adafactor_data_is_its_state_and_the_rule_by_hand():
    full, factored, losses = fam.adafactor_data(steps=8)
    x, y, w0 = fam.matrix_problem()
    hand, state, theta, v = rules.adafactor_rule(lr=0.1), {}, w0.clone(), torch.zeros_like(w0)

    def loss(w):
        return ((x @ w - y) ** 2).sum(1).mean()

    for t in range(1, 9):
        assert losses[t - 1] == pytest.approx(loss(theta).item(), rel=1e-9)
        w = theta.clone().requires_grad_(True)
        loss(w).backward()
        beta2 = 1 - t**-0.8
        v = beta2 * v + (1 - beta2) * w.grad**2
        theta = hand(theta, w.grad, t, state)
    torch.testing.assert_close(torch.tensor(full, dtype=F64), v)
    torch.testing.assert_close(torch.tensor(factored, dtype=F64), state["R"] * state["C"] / state["R"].mean())
    assert losses[-1] == pytest.approx(loss(theta).item(), rel=1e-9)


def test_adafactor_figure_claims():
    full, factored, losses = fam.adafactor_data()
    rows, cols = len(full), len(full[0])
    alt = alt_text("adafactor")
    assert (rows, cols) == (16, 8) and f"({rows * cols} numbers, left)" in alt and f"{rows} row and {cols} column" in alt
    assert f"from {short(losses[0])} to {short(losses[-1])}" in alt

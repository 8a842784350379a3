"""Checks for docs/optimizers/lr-schedulers.md.

- The page has one `## <ClassName>` section per scheduler in `torch.optim.lr_scheduler`,
  and the at-a-glance table links every one of them.
- Every section's argument table is parsed from the page and compared with the
  signature (`assert_defaults`; "required" means no default).
- Every closed-form formula is implemented by hand and compared with the real
  scheduler over many steps and several settings, and every figure's data is compared
  with the formula and with an independent run of the scheduler.
- ReduceLROnPlateau's rule (patience, cooldown, threshold, min_lr) is implemented by
  hand and compared with torch; SequentialLR and ChainedScheduler are checked against
  their parts; the claims in the prose are recomputed.
"""

from __future__ import annotations

import inspect
import math
import re
import warnings
from pathlib import Path

import pytest
import torch
from torch.optim import lr_scheduler as L

from plots.families import lr_schedulers as family
from tests.checks import assert_defaults
from tests.checks import sections as page_sections

PAGE = Path(__file__).resolve().parent.parent / "docs" / "optimizers" / "lr-schedulers.md"
TEXT = PAGE.read_text()
ETA0 = 0.1


def sections() -> dict[str, str]:
    """`## heading` -> the text of that section."""
    return page_sections(TEXT)


def torch_schedulers() -> set[str]:
    names = set()
    for name in L.__all__:
        obj = getattr(L, name)
        if inspect.isclass(obj) and issubclass(obj, L.LRScheduler) and obj is not L.LRScheduler:
            names.add(name)
    return names | {"ReduceLROnPlateau"}


def optimizer(lr=ETA0, momentum=0.9, groups=None):
    params = groups or [torch.nn.Parameter(torch.zeros(1))]
    return torch.optim.SGD(params, lr=lr, momentum=momentum)


def run(make, steps, lr=ETA0, momentum=0.9):
    """Learning rates (and momenta) used at steps 0..steps-1; any warning fails the test."""
    opt = optimizer(lr, momentum)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        scheduler = make(opt)
        lrs, momenta = [], []
        for _ in range(steps):
            lrs.append(scheduler.get_last_lr()[0])
            momenta.append(opt.param_groups[0]["momentum"])
            opt.step()
            scheduler.step()
    return lrs, momenta


def close(actual, expected):
    torch.testing.assert_close(torch.tensor(actual, dtype=torch.float64), torch.tensor(expected, dtype=torch.float64))


# ---- the page covers every scheduler -----------------------------------------------------------


def test_torch_has_the_fifteen_schedulers_of_the_page():
    assert len(torch_schedulers()) == 15
    assert issubclass(L.ReduceLROnPlateau, L.LRScheduler)


def test_one_section_per_scheduler():
    headings = {h for h in sections() if re.fullmatch(r"[A-Z][A-Za-z]+", h)}
    assert headings == torch_schedulers()


def test_at_a_glance_table_links_every_scheduler():
    table = sections()["The schedulers at a glance"]
    linked = re.findall(r"^\| \[(\w+)\]\(#(\w+)\) \|", table, flags=re.M)
    assert {name for name, _ in linked} == torch_schedulers()
    assert all(anchor == name.lower() for name, anchor in linked)


def test_every_scheduler_has_a_figure_and_a_snippet():
    for name in torch_schedulers():
        body = sections()[name]
        assert f"](../figures/lr_schedulers/{name.lower()}.svg)" in body, name
        assert f'--8<-- "optimizers/lr-schedulers/{name.lower()}.py"' in body, name
    assert {fig.name for fig in family.FIGURES} == {f"lr_schedulers/{n.lower()}" for n in torch_schedulers()}


# ---- defaults: parsed from each section's argument table ---------------------------------------

ARGUMENTS = re.compile(r"^\| argument \| default \| meaning \|\n\|---\|---\|---\|\n((?:\|.*\n)+)", re.M)
ROW = re.compile(r"^\| `(\w+)` \| (required|`[^`]+`) \| .+\|$", re.M)


def argument_rows(name: str) -> list[tuple[str, str]]:
    (table,) = ARGUMENTS.findall(sections()[name])
    rows = ROW.findall(table)
    assert len(rows) == table.count("\n"), f"{name}: a row of the argument table does not parse"
    return rows


def test_argument_tables_match_the_signatures():
    for name in sorted(torch_schedulers()):
        cls = getattr(L, name)
        rows = argument_rows(name)
        params = inspect.signature(cls).parameters
        skipped = {"last_epoch"} | ({"optimizer"} if next(iter(params)) == "optimizer" else set())
        assert [arg for arg, _ in rows] == [p for p in params if p not in skipped], name
        for arg, default in rows:
            if default == "required":
                assert params[arg].default is inspect.Parameter.empty, f"{name}({arg}) has a default"
            else:
                assert_defaults(cls, **{arg: eval(default.strip("`"), {"__builtins__": {}})})


def test_defaults_stated_in_prose():
    assert_defaults(L.StepLR, gamma=0.1)
    assert_defaults(L.MultiStepLR, gamma=0.1)
    assert_defaults(L.ConstantLR, factor=1 / 3, total_iters=5)
    assert_defaults(L.LinearLR, start_factor=1 / 3, end_factor=1.0, total_iters=5)
    assert_defaults(L.PolynomialLR, total_iters=5, power=1.0)
    assert_defaults(L.CosineAnnealingLR, eta_min=0.0)
    assert_defaults(L.CosineAnnealingWarmRestarts, T_mult=1, eta_min=0.0)
    assert_defaults(L.CyclicLR, step_size_up=2000, step_size_down=None, mode="triangular", gamma=1.0,
                    scale_mode="cycle", cycle_momentum=True, base_momentum=0.8, max_momentum=0.9)
    assert_defaults(L.OneCycleLR, pct_start=0.3, anneal_strategy="cos", cycle_momentum=True, base_momentum=0.85,
                    max_momentum=0.95, div_factor=25.0, final_div_factor=1e4, three_phase=False)
    assert_defaults(L.ReduceLROnPlateau, mode="min", factor=0.1, patience=10, threshold=1e-4, threshold_mode="rel",
                    cooldown=0, min_lr=0, eps=1e-8)
    assert_defaults(L.ChainedScheduler, optimizer=None)
    assert_defaults(torch.optim.SGD, momentum=0)


# ---- the closed forms of the page, by hand ------------------------------------------------------


def step_lr(t, eta0, step_size, gamma=0.1):
    return eta0 * gamma ** (t // step_size)


def multi_step_lr(t, eta0, milestones, gamma=0.1):
    return eta0 * gamma ** sum(m <= t for m in milestones)


def exponential_lr(t, eta0, gamma):
    return eta0 * gamma**t


def constant_lr(t, eta0, factor=1 / 3, total_iters=5):
    return eta0 * factor if t < total_iters else eta0


def linear_lr(t, eta0, start_factor=1 / 3, end_factor=1.0, total_iters=5):
    return eta0 * (start_factor + (end_factor - start_factor) * min(t, total_iters) / total_iters)


def polynomial_lr(t, eta0, total_iters=5, power=1.0):
    return eta0 * (1 - min(t, total_iters) / total_iters) ** power


def cosine_lr(t, eta0, T_max, eta_min=0.0):
    return eta_min + 0.5 * (eta0 - eta_min) * (1 + math.cos(math.pi * t / T_max))


def warm_restarts_lr(t, eta0, T_0, T_mult=1, eta_min=0.0):
    t_cur, t_i = t, T_0
    while t_cur >= t_i:
        t_cur, t_i = t_cur - t_i, t_i * T_mult
    return eta_min + 0.5 * (eta0 - eta_min) * (1 + math.cos(math.pi * t_cur / t_i))


def cyclic(t, base_lr, max_lr, step_size_up=2000, step_size_down=None, mode="triangular", gamma=1.0,
           base_momentum=0.8, max_momentum=0.9):
    """(lr, momentum) of the page's formula."""
    up = step_size_up
    down = step_size_down if step_size_down is not None else up
    length = up + down
    u, c = t % length, t // length + 1
    h = u / up if u <= up else (length - u) / down
    sigma = {"triangular": 1.0, "triangular2": 2.0 ** (1 - c), "exp_range": gamma**t}[mode]
    return base_lr + (max_lr - base_lr) * h * sigma, max_momentum - (max_momentum - base_momentum) * h * sigma


def one_cycle(t, max_lr, total_steps, pct_start=0.3, anneal_strategy="cos", div_factor=25.0, final_div_factor=1e4,
              three_phase=False, base_momentum=0.85, max_momentum=0.95):
    """(lr, momentum) of the page's formula."""

    def anneal(a, b, r):
        if anneal_strategy == "cos":
            return b + 0.5 * (a - b) * (1 + math.cos(math.pi * r))
        return a + (b - a) * r

    start = max_lr / div_factor
    end = start / final_div_factor
    t1 = pct_start * total_steps - 1
    if three_phase:
        t2 = 2 * pct_start * total_steps - 2
        phases = [(0, t1, start, max_lr, max_momentum, base_momentum),
                  (t1, t2, max_lr, start, base_momentum, max_momentum),
                  (t2, total_steps - 1, start, end, max_momentum, max_momentum)]
    else:
        phases = [(0, t1, start, max_lr, max_momentum, base_momentum),
                  (t1, total_steps - 1, max_lr, end, base_momentum, max_momentum)]
    for index, (lo, hi, a, b, ma, mb) in enumerate(phases):
        if t <= hi or index == len(phases) - 1:
            r = (t - lo) / (hi - lo)
            return anneal(a, b, r), anneal(ma, mb, r)


def lambda_lr(t, eta0, lr_lambda):
    return eta0 * lr_lambda(t)


def multiplicative_lr(t, eta0, lr_lambda):
    return eta0 * math.prod(lr_lambda(k) for k in range(1, t + 1))


HAND = {
    "StepLR": step_lr,
    "MultiStepLR": multi_step_lr,
    "ExponentialLR": exponential_lr,
    "ConstantLR": constant_lr,
    "LinearLR": linear_lr,
    "PolynomialLR": polynomial_lr,
    "CosineAnnealingLR": cosine_lr,
    "CosineAnnealingWarmRestarts": warm_restarts_lr,
    "LambdaLR": lambda_lr,
    "MultiplicativeLR": multiplicative_lr,
}


def hand(name, kwargs, t, eta0=ETA0):
    """Learning rate at step t of a figure spec, by the page's formulas."""
    options = dict(kwargs)
    if "lr_lambda" in options:
        options["lr_lambda"] = family.LAMBDAS[options["lr_lambda"]]
    if name == "CyclicLR":
        return cyclic(t, **options)[0]
    if name == "OneCycleLR":
        return one_cycle(t, **options)[0]
    if name == "SequentialLR":
        milestones = (0, *options["milestones"])
        k = sum(m <= t for m in options["milestones"])
        part_name, part_kwargs = options["schedulers"][k]
        return hand(part_name, part_kwargs, t - milestones[k], eta0)
    if name == "ChainedScheduler":
        return eta0 * math.prod(hand(n, kw, t, eta0) / eta0 for n, kw in options["schedulers"])
    return HAND[name](t, eta0, **options)


CASES = [
    ("StepLR", dict(step_size=3, gamma=0.5)),
    ("StepLR", dict(step_size=7)),
    ("MultiStepLR", dict(milestones=[2, 5])),
    ("MultiStepLR", dict(milestones=[3, 8, 8, 20], gamma=0.5)),
    ("ExponentialLR", dict(gamma=0.9)),
    ("ConstantLR", dict()),
    ("ConstantLR", dict(factor=0.5, total_iters=12)),
    ("LinearLR", dict()),
    ("LinearLR", dict(start_factor=0.25, total_iters=4)),
    ("LinearLR", dict(start_factor=1.0, end_factor=0.1, total_iters=30)),
    ("PolynomialLR", dict()),
    ("PolynomialLR", dict(total_iters=4, power=2.0)),
    ("PolynomialLR", dict(total_iters=30, power=0.5)),
    ("CosineAnnealingLR", dict(T_max=4, eta_min=0.01)),
    ("CosineAnnealingLR", dict(T_max=17)),
    ("CosineAnnealingWarmRestarts", dict(T_0=2, T_mult=2)),
    ("CosineAnnealingWarmRestarts", dict(T_0=7, eta_min=0.005)),
    ("CosineAnnealingWarmRestarts", dict(T_0=3, T_mult=3, eta_min=0.01)),
    ("LambdaLR", dict(lr_lambda=lambda t: min(1.0, (t + 1) / 4))),
    ("LambdaLR", dict(lr_lambda=family.inverse_sqrt_warmup)),
    ("MultiplicativeLR", dict(lr_lambda=lambda t: 0.5 if t % 3 == 0 else 1.0)),
    ("MultiplicativeLR", dict(lr_lambda=lambda t: 1 - 0.01 * (t % 5))),
]


@pytest.mark.parametrize("name, kwargs", CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)])
def test_closed_form_equals_torch(name, kwargs):
    steps = 60
    lrs, _ = run(lambda opt: getattr(L, name)(opt, **kwargs), steps)
    close(lrs, [HAND[name](t, ETA0, **kwargs) for t in range(steps)])


CYCLIC = [
    dict(base_lr=0.01, max_lr=0.1, step_size_up=2, mode="triangular2"),
    dict(base_lr=0.01, max_lr=0.1, step_size_up=3),
    dict(base_lr=0.02, max_lr=0.2, step_size_up=4, step_size_down=7),
    dict(base_lr=0.01, max_lr=0.1, step_size_up=5, step_size_down=2, mode="triangular2"),
    dict(base_lr=0.01, max_lr=0.1, step_size_up=6, mode="exp_range", gamma=0.97),
    dict(base_lr=0.01, max_lr=0.1, step_size_up=6, base_momentum=0.7, max_momentum=0.95),
]


@pytest.mark.parametrize("kwargs", CYCLIC)
def test_cyclic_lr_formula_for_lr_and_momentum(kwargs):
    steps = 70
    lrs, momenta = run(lambda opt: L.CyclicLR(opt, **kwargs), steps)
    expected = [cyclic(t, **kwargs) for t in range(steps)]
    close(lrs, [lr for lr, _ in expected])
    close(momenta, [m for _, m in expected])


ONE_CYCLE = [
    dict(max_lr=0.1, total_steps=10),
    dict(max_lr=0.1, total_steps=100, anneal_strategy="linear"),
    dict(max_lr=0.1, total_steps=100, three_phase=True),
    dict(max_lr=0.5, total_steps=37, pct_start=0.25, div_factor=10.0, final_div_factor=100.0),
    dict(max_lr=0.2, total_steps=40, three_phase=True, anneal_strategy="linear", base_momentum=0.8, max_momentum=0.9),
]


@pytest.mark.parametrize("kwargs", ONE_CYCLE)
def test_one_cycle_formula_for_lr_and_momentum(kwargs):
    steps = kwargs["total_steps"]
    lrs, momenta = run(lambda opt: L.OneCycleLR(opt, **kwargs), steps)
    expected = [one_cycle(t, **kwargs) for t in range(steps)]
    close(lrs, [lr for lr, _ in expected])
    close(momenta, [m for _, m in expected])


# ---- figures: data = the scheduler = the formula ------------------------------------------------


SCHEDULE_FIGURES = [fig for fig in family.FIGURES if fig.draw is family.draw_schedule]


@pytest.mark.parametrize("fig", SCHEDULE_FIGURES, ids=[fig.name for fig in SCHEDULE_FIGURES])
def test_figure_data_is_the_scheduler_and_the_formula(fig):
    name = fig.params["name"]
    for kwargs in fig.params["variants"]:
        lrs, momenta = family.schedule_data(name, kwargs)
        assert len(lrs) == family.STEPS
        independent, independent_momenta = run(lambda opt: family.build_scheduler(opt, name, kwargs), family.STEPS, family.LR, family.MOMENTUM)
        assert lrs == independent and momenta == independent_momenta
        close(lrs, [hand(name, kwargs, t, family.LR) for t in range(family.STEPS)])
        if name == "CyclicLR":
            close(momenta, [cyclic(t, **dict(kwargs))[1] for t in range(family.STEPS)])
        if name == "OneCycleLR":
            close(momenta, [one_cycle(t, **dict(kwargs))[1] for t in range(family.STEPS)])


def test_build_scheduler_builds_the_named_classes():
    opt = optimizer()
    seq = family.build_scheduler(opt, "SequentialLR", family.SEQUENTIAL)
    assert [type(s).__name__ for s in seq._schedulers] == ["LinearLR", "CosineAnnealingLR"]
    assert seq._milestones == [family.WARMUP]
    chained = family.build_scheduler(optimizer(), "ChainedScheduler", family.CHAINED)
    assert [type(s).__name__ for s in chained._schedulers] == ["LinearLR", "ExponentialLR"]


# ---- ReduceLROnPlateau -----------------------------------------------------------------------------


def plateau_by_hand(metrics, lr, mode="min", factor=0.1, patience=10, threshold=1e-4, threshold_mode="rel",
                    cooldown=0, min_lr=0.0, eps=1e-8):
    """The page's three rules; returns the learning rate after each step(metric)."""

    def improves(m, best):
        if mode == "min":
            return m < best * (1 - threshold) if threshold_mode == "rel" else m < best - threshold
        return m > best * (1 + threshold) if threshold_mode == "rel" else m > best + threshold

    best, bad, cool, out = (math.inf if mode == "min" else -math.inf), 0, 0, []
    for m in metrics:
        if improves(m, best):
            best, bad = m, 0
        else:
            bad += 1
        if cool > 0:
            cool, bad = cool - 1, 0
        if bad > patience:
            new = max(lr * factor, min_lr)
            if lr - new > eps:
                lr = new
            cool, bad = cooldown, 0
        out.append(lr)
    return out


def plateau_torch(metrics, lr=ETA0, **kwargs):
    opt = optimizer(lr)
    scheduler = L.ReduceLROnPlateau(opt, **kwargs)
    out = []
    for m in metrics:
        opt.step()
        scheduler.step(m)
        out.append(scheduler.get_last_lr()[0])
        assert out[-1] == opt.param_groups[0]["lr"]
    return out


PLATEAU = [
    dict(),
    dict(factor=0.5, patience=2, cooldown=1),
    dict(factor=0.5, patience=0),
    dict(patience=1, cooldown=3, min_lr=0.003),
    dict(patience=2, threshold=0.05, threshold_mode="abs"),
    dict(mode="max", patience=1, threshold=0.01),
    dict(mode="max", patience=3, threshold=0.02, threshold_mode="abs", cooldown=2),
]


@pytest.mark.parametrize("kwargs", PLATEAU)
def test_plateau_rule_by_hand_equals_torch(kwargs):
    torch.manual_seed(0)
    for _ in range(5):
        steps = torch.randint(-2, 3, (80,)) * (torch.rand(80) < 0.3)  # mostly flat, with ties
        metrics = (1.0 - 0.01 * steps.cumsum(0)).round(decimals=2).tolist()
        assert plateau_torch(metrics, **kwargs) == pytest.approx(plateau_by_hand(metrics, ETA0, **kwargs), rel=1e-12)


def test_plateau_example_of_the_page():
    metrics = [1.0, 0.9, 0.9, 0.95, 0.9, 0.9, 0.9, 0.9, 0.9, 0.85]
    lrs = plateau_torch(metrics, factor=0.5, patience=2, cooldown=1)
    assert lrs == [0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025]
    # without the cooldown the second halving comes one epoch earlier
    assert plateau_torch(metrics, factor=0.5, patience=2)[7] == 0.025


def test_plateau_first_reduction_after_patience_plus_one_bad_epochs():
    for patience in (0, 1, 3, 10):
        lrs = plateau_torch([1.0] * 20, patience=patience)
        assert lrs.index(min(lrs[: patience + 2])) == patience + 1  # epoch 0 sets the best
        assert lrs[patience] == ETA0
    # equal is not better, nor is an improvement within the relative threshold 1e-4
    assert plateau_torch([1.0, 1.0, 1.0 - 5e-5], patience=0) == [0.1, pytest.approx(0.01), pytest.approx(0.001)]


def test_patience_zero_reduces_on_every_epoch_without_improvement():
    lrs = plateau_torch([1.0, 0.9, 0.95, 0.8, 0.85, 0.9, 0.7], factor=0.5, patience=0, threshold=0.0)
    assert lrs == [0.1, 0.1, 0.05, 0.05, 0.025, 0.0125, 0.0125]


def test_plateau_min_lr_eps_and_factor():
    lrs = plateau_torch([1.0] * 12, patience=0, min_lr=0.0005)
    assert lrs[-1] == 0.0005 and min(lrs) == 0.0005
    lrs = plateau_torch([1.0] * 12, lr=1e-7, patience=0, eps=1e-8)
    assert lrs[-1] == pytest.approx(1e-8)  # 1e-7 -> 1e-8 is a change of 9e-8 > eps; 1e-8 -> 1e-9 is not
    with pytest.raises(ValueError):
        L.ReduceLROnPlateau(optimizer(), factor=1.0)


def test_plateau_figure_data():
    losses, lrs = family.plateau_data()
    assert lrs[1:] == pytest.approx(plateau_by_hand(losses, 0.2, factor=0.5, patience=3)[:-1], rel=1e-12)
    assert lrs[0] == 0.2 and lrs[-1] == 0.00625
    # every halving lowers the level of the loss: mean loss per learning rate goes down
    levels = {}
    for loss, lr in zip(losses, lrs):
        levels.setdefault(lr, []).append(loss)
    means = [sum(v) / len(v) for _, v in sorted(levels.items(), reverse=True)]
    assert all(a > b for a, b in zip(means, means[1:]))
    changes = [epoch for epoch in range(1, len(lrs)) if lrs[epoch] != lrs[epoch - 1]]
    assert changes == [10, 20, 26, 35, 39]
    assert "changes at epochs 10, 20, 26, 35 and 39" in " ".join(TEXT.split())
    assert min(b - a for a, b in zip(changes, changes[1:])) == 3 + 1  # never closer than patience + 1
    for epoch in range(len(losses) - 8, len(losses)):  # no improvement beyond the relative threshold
        assert losses[epoch] >= min(losses[:epoch]) * (1 - 1e-4)


# ---- SequentialLR and ChainedScheduler ---------------------------------------------------------------


def test_sequential_restarts_each_scheduler_at_its_milestone():
    def make(opt):
        parts = [L.LinearLR(opt, start_factor=0.25, total_iters=3), L.CosineAnnealingLR(opt, T_max=5),
                 L.ExponentialLR(opt, gamma=0.8)]
        return L.SequentialLR(opt, parts, milestones=[3, 9])

    lrs, _ = run(make, 20)
    expected = [linear_lr(t, ETA0, 0.25, 1.0, 3) for t in range(3)]
    expected += [cosine_lr(t - 3, ETA0, 5) for t in range(3, 9)]
    expected += [exponential_lr(t - 9, ETA0, 0.8) for t in range(9, 20)]
    close(lrs, expected)
    assert lrs[:9] == pytest.approx([0.025, 0.05, 0.075, 0.1, 0.0905, 0.0655, 0.0345, 0.0095, 0.0], abs=5e-5)


def test_sequential_docs_example_constant_then_exponential():
    lrs, _ = run(lambda opt: L.SequentialLR(opt, [L.ConstantLR(opt, factor=0.1, total_iters=20), L.ExponentialLR(opt, gamma=0.9)], milestones=[20]), 30)
    close(lrs, [ETA0 * 0.1 if t < 20 else ETA0 * 0.9 ** (t - 20) for t in range(30)])


MULTIPLYING = {
    "StepLR": lambda o: L.StepLR(o, 4, 0.5),
    "MultiStepLR": lambda o: L.MultiStepLR(o, [3, 7, 7]),
    "ExponentialLR": lambda o: L.ExponentialLR(o, 0.95),
    "ConstantLR": lambda o: L.ConstantLR(o),
    "LinearLR": lambda o: L.LinearLR(o),
    "PolynomialLR": lambda o: L.PolynomialLR(o, total_iters=8, power=1.5),
    "MultiplicativeLR": lambda o: L.MultiplicativeLR(o, lambda e: 0.95),
}
OVERWRITING = {
    "LambdaLR": lambda o: L.LambdaLR(o, lambda e: 1 / (e + 1)),
    "CosineAnnealingWarmRestarts": lambda o: L.CosineAnnealingWarmRestarts(o, 5),
    "CyclicLR": lambda o: L.CyclicLR(o, 0.01, 0.1, 3),
    "OneCycleLR": lambda o: L.OneCycleLR(o, 0.1, total_steps=40),
}


def test_chained_scheduler_multiplies_the_multiplying_schedulers():
    steps = 30
    for name, make in MULTIPLYING.items():
        alone, _ = run(make, steps)
        for order in ((make, lambda o: L.ExponentialLR(o, 0.9)), (lambda o: L.ExponentialLR(o, 0.9), make)):
            chained, _ = run(lambda o: L.ChainedScheduler([order[0](o), order[1](o)]), steps)
            close(chained, [a * 0.9**t for t, a in enumerate(alone)])
    for name, make in OVERWRITING.items():
        alone, _ = run(make, steps)
        chained, _ = run(lambda o: L.ChainedScheduler([L.ExponentialLR(o, 0.9), make(o)]), steps)
        # the exponential decay is lost (from step 1 on: a CyclicLR created after another
        # scheduler starts from that one's initial lr at step 0)
        assert chained[1:] == pytest.approx(alone[1:]), name
    # CosineAnnealingLR multiplies only with eta_min=0 and up to T_max
    cosine = lambda o: L.CosineAnnealingLR(o, T_max=10)  # noqa: E731
    alone, _ = run(cosine, 20)
    chained, _ = run(lambda o: L.ChainedScheduler([cosine(o), L.ExponentialLR(o, 0.9)]), 20)
    close(chained[:11], [a * 0.9**t for t, a in enumerate(alone[:11])])
    assert chained[12] != pytest.approx(alone[12] * 0.9**12)
    floor = lambda o: L.CosineAnnealingLR(o, T_max=10, eta_min=0.01)  # noqa: E731
    alone, _ = run(floor, 10)
    chained, _ = run(lambda o: L.ChainedScheduler([floor(o), L.ExponentialLR(o, 0.9)]), 10)
    assert chained[5] != pytest.approx(alone[5] * 0.9**5)


def test_chained_example_and_figure_claims():
    lrs, _ = run(lambda o: L.ChainedScheduler([L.ConstantLR(o, factor=0.5, total_iters=3), L.ExponentialLR(o, gamma=0.9)], optimizer=o), 7)
    close(lrs, [ETA0 * (0.5 if t < 3 else 1.0) * 0.9**t for t in range(7)])
    assert lrs[3] == pytest.approx(2 * 0.9 * lrs[2])
    fig_lrs, _ = family.schedule_data("ChainedScheduler", family.CHAINED)
    peak = max(fig_lrs)
    assert fig_lrs.index(peak) == 10 and peak == pytest.approx(0.0737, abs=1e-4)
    assert 0.24 < 1 - peak / 0.1 < 0.27  # "a quarter"


def test_sequential_and_chained_reject_reduce_on_plateau():
    opt = optimizer()
    plateau, exp = L.ReduceLROnPlateau(opt), L.ExponentialLR(opt, 0.9)
    with pytest.raises(ValueError):
        L.SequentialLR(opt, [exp, plateau], milestones=[3])
    with pytest.raises(ValueError):
        L.ChainedScheduler([exp, plateau])


# ---- using a scheduler ---------------------------------------------------------------------------


def test_step_in_the_wrong_order_warns_and_skips_the_first_value():
    opt = optimizer()
    scheduler = L.StepLR(opt, step_size=1, gamma=0.5)
    used = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(3):
            scheduler.step()
            used.append(opt.param_groups[0]["lr"])
            opt.step()
    assert used == [0.05, 0.025, 0.0125]
    assert any("before `optimizer.step()`" in str(w.message) for w in caught)
    run(lambda o: L.StepLR(o, step_size=1, gamma=0.5), 5)  # the right order: no warning (run turns them into errors)


def test_constructing_a_scheduler_sets_the_first_learning_rate():
    w, b = torch.nn.Parameter(torch.zeros(2)), torch.nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([{"params": [w]}, {"params": [b], "lr": 0.01}], lr=0.1)
    scheduler = L.LinearLR(opt, start_factor=0.5, total_iters=4)
    assert scheduler.get_last_lr() == [group["lr"] for group in opt.param_groups] == [0.05, 0.005]
    assert scheduler.base_lrs == [group["initial_lr"] for group in opt.param_groups] == [0.1, 0.01]
    assert scheduler.last_epoch == 0
    opt.step()
    scheduler.step()
    assert scheduler.last_epoch == 1
    assert scheduler.get_last_lr() == pytest.approx([0.0625, 0.00625])


def test_get_lr_from_outside_warns_and_is_not_the_current_value():
    opt = optimizer()
    scheduler = L.ExponentialLR(opt, gamma=0.5)
    with pytest.warns(UserWarning, match="get_last_lr"):
        value = scheduler.get_lr()
    assert value != scheduler.get_last_lr() and value == [0.05]


def test_resume_creating_the_scheduler_before_loading_the_optimizer():
    lrs, _ = run(lambda o: L.LinearLR(o, start_factor=0.25, total_iters=8), 10, momentum=0.0)
    opt = optimizer(momentum=0.0)
    first = L.LinearLR(opt, start_factor=0.25, total_iters=8)
    for _ in range(3):
        opt.step()
        first.step()
    saved_opt, saved_sched = opt.state_dict(), first.state_dict()

    def resume(scheduler_first):
        new = optimizer(momentum=0.0)
        if scheduler_first:
            scheduler = L.LinearLR(new, start_factor=0.25, total_iters=8)
            new.load_state_dict(saved_opt)
        else:
            new.load_state_dict(saved_opt)
            scheduler = L.LinearLR(new, start_factor=0.25, total_iters=8)  # scales the loaded lr again
        scheduler.load_state_dict(saved_sched)
        return new.param_groups[0]["lr"]

    assert resume(True) == pytest.approx(lrs[3])
    assert resume(False) == pytest.approx(lrs[3] * 0.25)


def test_state_dict_resumes_the_schedule():
    lrs, _ = run(lambda o: L.CosineAnnealingLR(o, T_max=10), 10)
    opt = optimizer()
    first = L.CosineAnnealingLR(opt, T_max=10)
    for _ in range(4):
        opt.step()
        first.step()
    state = first.state_dict()
    assert state["last_epoch"] == 4 and state["base_lrs"] == [ETA0]
    opt2 = optimizer()
    opt2.load_state_dict(opt.state_dict())
    second = L.CosineAnnealingLR(opt2, T_max=10)
    second.load_state_dict(state)
    resumed = []
    for _ in range(6):
        resumed.append(second.get_last_lr()[0])
        opt2.step()
        second.step()
    close(resumed, lrs[4:])
    assert L.LambdaLR(optimizer(), lambda t: 1.0).state_dict()["lr_lambdas"] == [None]
    assert L.MultiplicativeLR(optimizer(), lambda t: 1.0).state_dict()["lr_lambdas"] == [None]


def test_onecycle_per_batch_example():
    lrs, _ = run(lambda o: L.OneCycleLR(o, max_lr=0.1, epochs=3, steps_per_epoch=4), 12)
    close(lrs, [one_cycle(t, 0.1, 12)[0] for t in range(12)])
    assert L.OneCycleLR(optimizer(), max_lr=0.1, epochs=3, steps_per_epoch=4).total_steps == 12


def test_warm_restarts_accepts_fractional_epochs_without_warning():
    opt = optimizer()
    scheduler = L.CosineAnnealingWarmRestarts(opt, T_0=2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for epoch in range(3):
            for i in range(4):
                opt.step()
                scheduler.step(epoch + i / 4)
                t = epoch + i / 4
                assert scheduler.get_last_lr()[0] == pytest.approx(0.5 * ETA0 * (1 + math.cos(math.pi * (t % 2) / 2)))


# ---- claims in the sections --------------------------------------------------------------------------


def test_classic_recipes():
    k = 0.1
    lrs, _ = run(lambda o: L.ExponentialLR(o, gamma=math.exp(-k)), 30)
    close(lrs, [ETA0 * math.exp(-k * t) for t in range(30)])
    lrs, _ = run(lambda o: L.StepLR(o, step_size=5, gamma=0.5), 30)
    close(lrs, [ETA0 * 0.5 ** (t // 5) for t in range(30)])
    lrs, _ = run(lambda o: L.CosineAnnealingLR(o, T_max=30), 31)
    assert lrs[-1] == pytest.approx(0.0, abs=1e-12)


def test_exponential_decay_numbers():
    assert 0.95**100 == pytest.approx(0.006, abs=5e-4)
    assert round(0.98**100, 2) == 0.13


def test_multistep_milestone_listed_twice_counts_twice():
    lrs, _ = run(lambda o: L.MultiStepLR(o, milestones=[2, 4, 4]), 6)
    close(lrs, [0.1, 0.1, 0.01, 0.01, 0.0001, 0.0001])


def test_constantlr_factor_range_and_warm_restarts_arguments():
    for bad in (-0.1, 1.5):
        with pytest.raises(ValueError):
            L.ConstantLR(optimizer(), factor=bad)
    for kwargs in (dict(T_0=0), dict(T_0=2.5), dict(T_0=2, T_mult=0), dict(T_0=2, T_mult=1.5)):
        with pytest.raises(ValueError):
            L.CosineAnnealingWarmRestarts(optimizer(), **kwargs)


def test_cosine_climbs_back_after_t_max():
    lrs, _ = run(lambda o: L.CosineAnnealingLR(o, T_max=4, eta_min=0.01), 10)
    assert lrs[4] == pytest.approx(0.01) and lrs[8] == pytest.approx(ETA0)
    assert all(a < b for a, b in zip(lrs[4:8], lrs[5:9]))
    lrs, _ = run(lambda o: L.CosineAnnealingLR(o, T_max=40, eta_min=0.01), 81)
    assert lrs[40] == pytest.approx(0.01) and lrs[80] == pytest.approx(ETA0)


def test_warm_restarts_restart_points():
    lrs, _ = run(lambda o: L.CosineAnnealingWarmRestarts(o, T_0=2, T_mult=2), 16)
    assert [t for t in range(1, 16) if lrs[t] == pytest.approx(ETA0)] == [2, 6, 14]  # T_0, T_0(1+T_mult), ...
    lrs, _ = run(lambda o: L.CosineAnnealingWarmRestarts(o, T_0=10, T_mult=2), 100)
    assert [t for t in range(1, 100) if lrs[t] == pytest.approx(ETA0)] == [10, 30, 70]


def test_cyclic_and_one_cycle_take_over_lr_and_momentum():
    plain = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.5)  # momentum=0
    scheduler = L.CyclicLR(plain, base_lr=0.01, max_lr=0.1, step_size_up=2)
    assert plain.param_groups[0]["lr"] == 0.01 and scheduler.base_lrs == [0.01]
    assert plain.param_groups[0]["momentum"] == 0.9  # momentum silently turned on
    plain.step()
    scheduler.step()
    assert plain.param_groups[0]["momentum"] == pytest.approx(0.85)
    kept = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.5)
    L.CyclicLR(kept, base_lr=0.01, max_lr=0.1, cycle_momentum=False)
    assert kept.param_groups[0]["momentum"] == 0
    adam = torch.optim.Adam([torch.nn.Parameter(torch.zeros(1))])
    L.OneCycleLR(adam, max_lr=0.1, total_steps=10)
    assert adam.param_groups[0]["betas"] == (0.95, 0.999) and adam.param_groups[0]["lr"] == pytest.approx(0.004)
    with pytest.raises(ValueError, match="momentum"):
        L.CyclicLR(torch.optim.Adagrad([torch.nn.Parameter(torch.zeros(1))]), base_lr=0.01, max_lr=0.1)


def test_one_cycle_numbers_and_length():
    opt = optimizer(lr=123.0)  # ignored
    scheduler = L.OneCycleLR(opt, max_lr=0.1, total_steps=10)
    lrs = [scheduler.get_last_lr()[0]]
    for _ in range(9):
        opt.step()
        scheduler.step()
        lrs.append(scheduler.get_last_lr()[0])
    assert lrs[0] == pytest.approx(0.1 / 25) and lrs[2] == pytest.approx(0.1) and lrs[-1] == pytest.approx(0.004 / 1e4)
    opt.step()
    scheduler.step()  # the total_steps-th call still works
    with pytest.raises(ValueError, match="Tried to step 11 times"):
        scheduler.step()
    lrs, _ = run(lambda o: L.OneCycleLR(o, max_lr=0.1, total_steps=100), 100)
    assert max(lrs) == pytest.approx(0.1) and lrs.index(max(lrs)) == 29
    lrs, _ = run(lambda o: L.OneCycleLR(o, max_lr=0.1, total_steps=100, three_phase=True), 100)
    assert lrs[58] == pytest.approx(0.004)


def test_lambda_warmup_claims():
    lrs, _ = run(lambda o: L.LambdaLR(o, lambda t: t / 4), 3)
    assert lrs[0] == 0.0  # lambda(0) applies at step 0: a warm-up from 0 wastes the first step
    assert family.inverse_sqrt_warmup(9) == 1.0 and family.inverse_sqrt_warmup(0) == 0.1
    assert family.inverse_sqrt_warmup(39) == pytest.approx(0.5)


def test_multiplicative_special_cases():
    exp, _ = run(lambda o: L.ExponentialLR(o, gamma=0.9), 20)
    mult, _ = run(lambda o: L.MultiplicativeLR(o, lambda t: 0.9), 20)
    close(mult, exp)
    step, _ = run(lambda o: L.StepLR(o, step_size=3, gamma=0.5), 20)
    mult, _ = run(lambda o: L.MultiplicativeLR(o, lambda t: 0.5 if t % 3 == 0 else 1.0), 20)
    close(mult, step)


def momentum_at(t, mu_max=0.99):
    return min(1 - 2 ** (-1 - math.log2(t // 250 + 1)), mu_max)


def test_momentum_schedule():
    for t in range(0, 30000, 50):
        assert momentum_at(t) == pytest.approx(min(1 - 1 / (2 * (t // 250 + 1)), 0.99))
    assert [momentum_at(t) for t in (0, 249, 250, 500)] == pytest.approx([0.5, 0.5, 0.75, 5 / 6])
    assert momentum_at(12250) == pytest.approx(0.99) and momentum_at(12249) < 0.99
    opt = torch.optim.SGD([torch.nn.Parameter(torch.ones(1))], lr=0.1, momentum=0.5)
    opt.param_groups[0]["momentum"] = 0.75
    assert opt.param_groups[0]["momentum"] == 0.75
    # SGD uses the group's current momentum: buffer b = mu * b + g
    param = opt.param_groups[0]["params"][0]
    for _ in range(2):
        param.grad = torch.ones(1)
        opt.step()
    torch.testing.assert_close(param.detach(), torch.tensor([1 - 0.1 * 1 - 0.1 * 1.75]))


def test_cyclic_and_one_cycle_turn_momentum_on_with_their_own_ranges():
    """The warning on the page: 0.8-0.9 for CyclicLR, 0.85-0.95 for OneCycleLR, even with momentum=0."""
    for make, low, high in ((lambda o: L.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=5), 0.8, 0.9),
                            (lambda o: L.OneCycleLR(o, max_lr=0.1, total_steps=20), 0.85, 0.95)):
        _, momenta = run(make, 20, momentum=0.0)
        assert min(momenta) == pytest.approx(low) and max(momenta) == pytest.approx(high)
    assert_defaults(L.CyclicLR, base_momentum=0.8, max_momentum=0.9)
    assert_defaults(L.OneCycleLR, base_momentum=0.85, max_momentum=0.95)
    text = " ".join(TEXT.split())
    assert "between 0.8 and 0.9 for CyclicLR, between 0.85 and 0.95 for OneCycleLR" in text


def test_last_epoch_alone_does_not_resume_a_schedule():
    with pytest.raises(KeyError, match="initial_lr"):
        L.StepLR(optimizer(momentum=0.0), step_size=2, gamma=0.5, last_epoch=5)
    fresh = optimizer(momentum=0.0)
    fresh.param_groups[0]["initial_lr"] = ETA0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # stepping the scheduler without a real optimizer step
        resumed = L.StepLR(fresh, step_size=2, gamma=0.5, last_epoch=5)
        fresh.step()
        resumed.step()
    lrs, _ = run(lambda o: L.StepLR(o, step_size=2, gamma=0.5), 8)
    assert resumed.last_epoch == 7 and resumed.get_last_lr() == [0.05] and lrs[7] == pytest.approx(0.0125)
    text = " ".join(TEXT.split())
    assert "is at 0.05 after one more step, where the schedule run from the start is at 0.0125" in text


def test_numbers_in_the_figure_alt_texts():
    def alt(name):
        (text,) = re.findall(rf"!\[([^\]]+)\]\(\.\./figures/lr_schedulers/{name}\.svg\)", TEXT)
        return text

    lrs, momenta = family.schedule_data("OneCycleLR", (("max_lr", 0.1), ("total_steps", 100)))
    assert max(range(100), key=lrs.__getitem__) == 29 and "to 0.1 at step 29" in alt("onecyclelr")
    assert (momenta[0], min(momenta), momenta[-1]) == pytest.approx((0.95, 0.85, 0.95))
    assert "from 0.95 down to 0.85 and back" in alt("onecyclelr")
    lrs, _ = family.schedule_data("OneCycleLR", (("max_lr", 0.1), ("total_steps", 100), ("three_phase", True)))
    assert lrs[58] == pytest.approx(0.004) and lrs[57] > 0.004 and lrs[-1] < 1e-5
    lrs, _ = family.schedule_data("ChainedScheduler", family.CHAINED)
    assert max(range(100), key=lrs.__getitem__) == 10 and f"{lrs[10]:.3f}" == "0.074"
    assert "peaks near 0.074 at step 10" in alt("chainedscheduler")
    lrs, _ = family.schedule_data("CosineAnnealingWarmRestarts", (("T_0", 10), ("T_mult", 2)))
    assert [t for t in range(1, 100) if lrs[t] == pytest.approx(ETA0)] == [10, 30, 70]
    assert "restart at steps 10, 30 and 70" in alt("cosineannealingwarmrestarts")
    _, lrs = family.plateau_data()
    assert (lrs[0], lrs[-1]) == (0.2, 0.00625) and "from 0.2 down to 0.00625" in alt("reducelronplateau")

"""Checks for docs/foundations/gradient-descent.md: every formula, default and claim on the page."""

from __future__ import annotations

import contextlib
import io
import math
import re
import runpy
from pathlib import Path

import pytest
import torch
from torch import nn

from plots.families import gradient_descent as fam
from tests.checks import assert_defaults

SNIPPETS = Path(__file__).resolve().parents[1] / "snippets" / "foundations" / "gradient-descent"
PAGE = Path(__file__).resolve().parents[1] / "docs" / "foundations" / "gradient-descent.md"


def run_snippet(name):
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPETS / name))




@pytest.fixture(scope="module")
def data():
    return fam.diabetes()


@pytest.fixture(scope="module")
def hand_sgd():
    return run_snippet("momentum_by_hand.py")["HandSGD"]


def hand_descent(X, y, batch_size, lr, epochs, seed=0):
    """The page's from-scratch loops (batch_gd / sgd / minibatch_gd) in one function,
    with the hand-written gradient; returns the full-data loss after every update."""
    n = len(y)
    size = batch_size or n
    generator = torch.Generator().manual_seed(seed)
    w, b = torch.zeros(10, dtype=X.dtype), torch.tensor(0.0, dtype=X.dtype)
    losses = [((X @ w + b - y) ** 2).mean().item()]
    for _ in range(epochs):
        order = torch.randperm(n, generator=generator) if batch_size else torch.arange(n)
        for start in range(0, n, size):
            idx = order[start : start + size]
            r = X[idx] @ w + b - y[idx]
            w, b = w - lr * (2 * X[idx].T @ r / len(idx)), b - lr * (2 * r.mean())
            losses.append(((X @ w + b - y) ** 2).mean().item())
    return losses


# ---- the update rule --------------------------------------------------------------------------


def test_update_rule_snippet_closed_form():
    ns = run_snippet("update_rule.py")
    expected = [round(3 * (1 - 0.8**t), 4) for t in range(1, 6)]
    assert ns["path"] == expected
    # the hand loop ended at the same point
    assert abs(ns["theta"].item() - 3 * (1 - 0.8**5)) < 1e-6


def test_sgd_plain_step_is_the_update_rule():
    torch.manual_seed(0)
    p = torch.randn(4, dtype=torch.float64, requires_grad=True)
    start = p.detach().clone()
    opt = torch.optim.SGD([p], lr=0.3)
    loss = (p**3).sum()
    loss.backward()
    grad = p.grad.clone()
    opt.step()
    torch.testing.assert_close(p.detach(), start - 0.3 * grad)


# ---- the regression problem -------------------------------------------------------------------


def test_mse_gradient_formula(data):
    X, y = (t.double() for t in data)
    torch.manual_seed(0)
    w = torch.randn(10, dtype=torch.float64, requires_grad=True)
    b = torch.randn((), dtype=torch.float64, requires_grad=True)
    ((X @ w + b - y) ** 2).mean().backward()
    r = X @ w.detach() + b.detach() - y
    torch.testing.assert_close(w.grad, 2 * X.T @ r / len(y))
    torch.testing.assert_close(b.grad, 2 * r.mean())
    torch.testing.assert_close(w.grad, 2 / len(y) * sum(r[i] * X[i] for i in range(len(y))))


def test_diabetes_snippet_numbers(data):
    ns = run_snippet("diabetes.py")
    X, y = data
    torch.testing.assert_close(ns["X"], X)
    torch.testing.assert_close(ns["y"], y)
    assert X.shape == (442, 10)
    torch.testing.assert_close(X.mean(0), torch.zeros(10), atol=1e-5, rtol=0)
    torch.testing.assert_close(X.std(0, correction=0), torch.ones(10))
    assert abs(((y - 0) ** 2).mean().item() - 1.0) < 1e-5  # loss at w = 0, b = 0
    # least squares by the normal equations, in float64
    Xb = torch.cat([X, torch.ones(442, 1)], 1).double()
    theta = torch.linalg.solve(Xb.T @ Xb, Xb.T @ y.double())
    best = ((Xb @ theta - y.double()) ** 2).mean().item()
    assert round(best, 4) == 0.4823
    assert abs(ns["best"] - best) < 1e-4


def test_minibatch_covers_batch_and_sgd(data):
    X, y = data
    batch = hand_descent(X, y, None, 0.1, 3)
    as_minibatch = hand_descent(X, y, 442, 0.1, 3)  # a shuffled full batch: same up to rounding
    torch.testing.assert_close(torch.tensor(as_minibatch), torch.tensor(batch))
    assert len(hand_descent(X, y, 32, 0.05, 1)) == 1 + 14  # ceil(442 / 32) updates per epoch
    assert len(hand_descent(X, y, 1, 0.01, 1)) == 1 + 442


def test_single_example_gradient_is_unbiased(data):
    X, y = (t.double() for t in data)
    torch.manual_seed(0)
    w, b = torch.randn(10, dtype=torch.float64), torch.tensor(0.3, dtype=torch.float64)
    r = X @ w + b - y
    per_example = 2 * X * r[:, None]  # gradient of (x_i w + b - y_i)^2 for each i
    torch.testing.assert_close(per_example.mean(0), 2 * X.T @ r / len(y))


def test_dataloader_batches_per_epoch(data):
    from torch.utils.data import DataLoader, TensorDataset

    X, y = data
    loader = DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True)
    assert len(loader) == math.ceil(442 / 32) == 14
    sizes = [len(xb) for xb, _ in loader]
    assert sizes == [32] * 13 + [26]


def test_minibatch_mean_gradient_formula(data):
    X, y = (t.double() for t in data)
    idx = torch.arange(5, 37)
    w = torch.zeros(10, dtype=torch.float64, requires_grad=True)
    ((X[idx] @ w - y[idx]) ** 2).mean().backward()
    per_example = [2 * X[i] * (X[i] @ w.detach() - y[i]) for i in idx]
    torch.testing.assert_close(w.grad, sum(per_example) / len(idx))


# ---- the learning rate ------------------------------------------------------------------------


def test_one_dimensional_quadratic_regimes():
    a = 4.0
    for lr, sign_flips, converges in [(0.1, False, True), (0.4, True, True), (0.6, True, False)]:
        p = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
        opt = torch.optim.SGD([p], lr=lr)
        values = []
        for _ in range(40):
            opt.zero_grad()
            (0.5 * a * p**2).sum().backward()
            opt.step()
            values.append(p.item())
        assert values[-1] == pytest.approx((1 - lr * a) ** 40, rel=1e-9)
        assert (values[0] < 0) == sign_flips
        assert (abs(values[-1]) < 1) == converges


def test_hessian_threshold_and_condition_number(data):
    X, y = data
    Xb = torch.cat([X, torch.ones(442, 1)], 1)
    hessian = 2 * Xb.T @ Xb / 442
    # the Hessian of the loss really is this matrix
    Xd, yd = Xb.double(), y.double()
    auto = torch.autograd.functional.hessian(lambda t: ((Xd @ t - yd) ** 2).mean(), torch.zeros(11, dtype=torch.float64))
    torch.testing.assert_close(auto, hessian.double(), rtol=1e-5, atol=1e-5)
    eig = torch.linalg.eigvalsh(hessian.double())
    lam_min, lam_max = eig.min().item(), eig.max().item()
    assert (round(lam_min, 4), round(lam_max, 4), round(2 / lam_max, 4)) == (0.0171, 8.0484, 0.2485)
    assert round(lam_max / lam_min) in range(465, 476)  # "about 470"
    assert abs(1 - 0.24 * lam_max) == pytest.approx(0.93, abs=0.005)
    assert 0.004 < (2 / lam_max) * lam_min < 0.0045  # "0.4 % per step"
    threshold = 2 / lam_max
    below = hand_descent(X, y, None, 0.99 * threshold, 200)
    above = hand_descent(X, y, None, 1.01 * threshold, 200)
    assert below[-1] < 0.49 and above[-1] > 10 * above[0]


def test_ten_epochs_stay_above_the_optimum_and_serum_values_correlate(data):
    X, y = data
    assert hand_descent(X, y, None, 0.1, 10)[-1] > 0.4823
    assert hand_descent(X, y, 32, 0.05, 10)[-1] > 0.4823
    corr = torch.corrcoef(X.T)
    assert corr[4, 5] > 0.85  # s1 (total cholesterol) and s2 (LDL)


def test_learning_rate_outputs_and_growth(data):
    X, y = data
    losses = {lr: hand_descent(X, y, None, lr, 30) for lr in (0.01, 0.1, 0.24, 0.26)}
    assert losses[0.1][10] < losses[0.24][10] < losses[0.01][10]  # largest stable is not fastest
    assert losses[0.26][1] < losses[0.26][0] and losses[0.26][30] > 50  # dips first, then diverges
    assert losses[0.26][30] / losses[0.26][29] == pytest.approx((1 - 0.26 * 8.0484) ** 2, rel=0.01)
    assert 1 - 0.26 * 8.05 == pytest.approx(-1.09, abs=0.01)


def test_exponential_decay_is_exponential_lr():
    k, lr0 = 0.1, 0.5
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr0)
    sched = torch.optim.lr_scheduler.ExponentialLR(opt, gamma=math.exp(-k))
    for t in range(1, 6):
        opt.step()
        sched.step()
        assert opt.param_groups[0]["lr"] == pytest.approx(lr0 * math.exp(-k * t))


# ---- momentum ---------------------------------------------------------------------------------


def test_defaults():
    assert_defaults(torch.optim.SGD, lr=0.001, momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False)


CONFIGS = [
    dict(lr=0.1),
    dict(lr=0.1, weight_decay=0.05),
    dict(lr=0.05, momentum=0.9),
    dict(lr=0.05, momentum=0.9, nesterov=True),
    dict(lr=0.05, momentum=0.9, dampening=0.5, weight_decay=0.01),
    dict(lr=0.05, momentum=0.8, nesterov=True, weight_decay=0.01),
]


@pytest.mark.parametrize("kwargs", CONFIGS, ids=str)
def test_hand_sgd_equals_torch_step_for_step(kwargs, hand_sgd):
    torch.manual_seed(0)
    x, t = torch.randn(32, 4, dtype=torch.float64), torch.randn(32, 2, dtype=torch.float64)
    ours = nn.Linear(4, 2).double()
    theirs = nn.Linear(4, 2).double()
    theirs.load_state_dict(ours.state_dict())
    opts = [hand_sgd(ours.parameters(), **kwargs), torch.optim.SGD(theirs.parameters(), **kwargs)]
    for _ in range(15):
        for model, opt in zip((ours, theirs), opts):
            opt.zero_grad()
            nn.functional.mse_loss(model(x), t).backward()
            opt.step()
        for p, q in zip(ours.parameters(), theirs.parameters()):
            torch.testing.assert_close(p, q)
    if kwargs.get("momentum"):
        for i, q in enumerate(theirs.parameters()):
            torch.testing.assert_close(opts[0].velocity[i], opts[1].state[q]["momentum_buffer"])
            torch.testing.assert_close(opts[1].state_dict()["state"][i]["momentum_buffer"], opts[0].velocity[i])


def test_momentum_snippet_prints_true():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(SNIPPETS / "momentum_by_hand.py"))
    lines = out.getvalue().splitlines()
    assert len(lines) == 4 and all(line.endswith("True") for line in lines)


def test_first_step_stores_the_gradient_without_dampening():
    p = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=0.1, momentum=0.9, dampening=0.5)
    (3 * p).sum().backward()
    opt.step()
    torch.testing.assert_close(opt.state[p]["momentum_buffer"], torch.tensor([3.0], dtype=torch.float64))
    torch.testing.assert_close(p.detach(), torch.tensor([1.0 - 0.1 * 3.0], dtype=torch.float64))
    opt.step()  # same gradient again: v = 0.9 * 3 + (1 - 0.5) * 3
    torch.testing.assert_close(opt.state[p]["momentum_buffer"], torch.tensor([0.9 * 3 + 0.5 * 3], dtype=torch.float64))


def _velocity_for(gradients, mu=0.9):
    p = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=0.01, momentum=mu)
    for g in gradients:
        p.grad = torch.tensor([g], dtype=torch.float64)
        opt.step()
    return opt.state[p]["momentum_buffer"].item()


def test_velocity_limits():
    assert _velocity_for([1.0] * 300) == pytest.approx(1 / (1 - 0.9))  # ten times the gradient
    alternating = [(-1.0) ** k for k in range(301)]
    assert abs(_velocity_for(alternating)) == pytest.approx(1 / (1 + 0.9), rel=1e-6)
    # unrolled sum of past gradients
    gs = [0.3, -1.2, 2.0, 0.7]
    assert _velocity_for(gs) == pytest.approx(sum(0.9 ** (len(gs) - 1 - k) * g for k, g in enumerate(gs)))


def _quadratic_grad(p, a):
    return a * p


def test_textbook_momentum_is_the_same_for_constant_lr_only():
    a = torch.tensor([1.0, 10.0], dtype=torch.float64)
    lr, mu = 0.05, 0.9

    def torch_path(lrs):
        p = torch.tensor([1.0, 1.0], dtype=torch.float64, requires_grad=True)
        opt = torch.optim.SGD([p], lr=lrs[0], momentum=mu)
        out = []
        for step_lr in lrs:
            opt.param_groups[0]["lr"] = step_lr
            opt.zero_grad()
            (0.5 * a * p * p).sum().backward()
            opt.step()
            out.append(p.detach().clone())
        return out

    def textbook_path(lrs):
        theta, v = torch.tensor([1.0, 1.0], dtype=torch.float64), torch.zeros(2, dtype=torch.float64)
        out = []
        for step_lr in lrs:
            v = mu * v + step_lr * _quadratic_grad(theta, a)
            theta = theta - v
            out.append(theta.clone())
        return out

    constant = [lr] * 20
    for p, q in zip(torch_path(constant), textbook_path(constant)):
        torch.testing.assert_close(p, q)
    changing = [lr] * 10 + [lr / 10] * 10
    assert not torch.allclose(torch_path(changing)[-1], textbook_path(changing)[-1])


def test_weight_decay_is_gradient_of_l2_penalty():
    torch.manual_seed(0)
    lam = 0.1
    p = torch.randn(5, dtype=torch.float64, requires_grad=True)
    q = p.detach().clone().requires_grad_(True)
    opt_p = torch.optim.SGD([p], lr=0.1, weight_decay=lam)
    opt_q = torch.optim.SGD([q], lr=0.1)
    for _ in range(5):
        for opt, t, decay in ((opt_p, p, 0.0), (opt_q, q, lam)):
            opt.zero_grad()
            ((t**2).sum() + decay / 2 * (t**2).sum()).backward()
            opt.step()
    torch.testing.assert_close(p, q)


# ---- Nesterov ---------------------------------------------------------------------------------


def test_nesterov_is_lookahead_in_shifted_variables():
    a = torch.tensor([1.0, 25.0], dtype=torch.float64)
    lr, mu = 0.03, 0.8
    # textbook NAG: gradient at the look-ahead point theta + mu * u
    theta, u = torch.tensor([-4.0, 1.0], dtype=torch.float64), torch.zeros(2, dtype=torch.float64)
    phis = []
    for _ in range(30):
        u = mu * u - lr * _quadratic_grad(theta + mu * u, a)
        theta = theta + u
        phis.append(theta + mu * u)
    path = fam.path_data(momentum=mu, nesterov=True, lr=lr, steps=30, start=(-4.0, 1.0), curvatures=(1.0, 25.0))
    torch.testing.assert_close(torch.tensor(path[1:], dtype=torch.float64), torch.stack(phis))


def test_nesterov_requires_momentum_and_zero_dampening():
    p = torch.zeros(1, requires_grad=True)
    for kwargs in (dict(nesterov=True), dict(nesterov=True, momentum=0.9, dampening=0.1)):
        with pytest.raises(ValueError, match="^Nesterov momentum requires a momentum and zero dampening$"):
            torch.optim.SGD([p], lr=0.1, **kwargs)


def _spectral_radius(matrix):
    return torch.linalg.eigvals(torch.tensor(matrix, dtype=torch.float64)).abs().max().item()


def test_stability_bounds_heavy_ball_and_nesterov():
    mu, a = 0.8, 1.0
    heavy, nesterov = 2 * (1 + mu), 2 * (1 + mu) / (1 + 2 * mu)
    assert (round(heavy, 2), round(nesterov, 2)) == (3.6, 1.38)
    # one step on L = a/2 theta^2 as a linear map of (theta, v), PyTorch's formulation
    def heavy_ball(lr):
        return [[1 - lr * a, -lr * mu], [a, mu]]

    def nag(lr):
        return [[1 - lr * a * (1 + mu), -lr * mu * mu], [a, mu]]

    for build, bound in ((heavy_ball, heavy), (nag, nesterov)):
        assert _spectral_radius(build(0.99 * bound / a)) < 1
        assert _spectral_radius(build(1.01 * bound / a)) > 1
    # and the maps are what torch.optim.SGD does
    for nest, build in ((False, heavy_ball), (True, nag)):
        p = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
        opt = torch.optim.SGD([p], lr=0.7, momentum=mu, nesterov=nest)
        state = torch.tensor([1.0, 0.0], dtype=torch.float64)
        for k in range(6):
            opt.zero_grad()
            (0.5 * a * p**2).sum().backward()
            opt.step()
            if k == 0:  # the first step: v = g
                state = torch.tensor([p.item(), opt.state[p]["momentum_buffer"].item()], dtype=torch.float64)
            else:
                state = torch.tensor(build(0.7), dtype=torch.float64) @ state
                torch.testing.assert_close(state, torch.tensor([p.item(), opt.state[p]["momentum_buffer"].item()], dtype=torch.float64))


def test_bowl_snippet_claims():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(SNIPPETS / "bowl.py"))
    rows = {line.split()[0]: [float(v) for v in line.split(":")[1].split()] for line in out.getvalue().splitlines()}
    assert rows["plain"][-1] == pytest.approx(4 * 0.97**60, abs=1e-3)  # 3 % of x per step
    assert rows["momentum"][0] < 0.1 and rows["nesterov"][0] < 0.1  # close within 15 steps
    assert rows["momentum"][1] > rows["momentum"][0]  # overshoot: further away after 30 than 15
    assert rows["nesterov"][1] > rows["nesterov"][0]  # Nesterov too, less so
    assert rows["nesterov"][1] < rows["momentum"][1]
    assert 2 < rows["momentum"][-1] / rows["nesterov"][-1] < 4  # "about three times closer"


def test_foreach_and_fused_do_not_change_the_result():
    results = []
    for kwargs in (dict(foreach=False), dict(foreach=True), dict(fused=True)):
        torch.manual_seed(0)
        model = nn.Linear(4, 3)
        x = torch.randn(8, 4)
        opt = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True, **kwargs)
        for _ in range(5):
            opt.zero_grad()
            model(x).pow(2).mean().backward()
            opt.step()
        results.append(torch.cat([p.detach().flatten() for p in model.parameters()]))
    for r in results[1:]:
        torch.testing.assert_close(r, results[0])


# ---- figures ----------------------------------------------------------------------------------


def test_descent_data_equals_hand_gradients_and_torch_sgd(data):
    X, y = data
    for batch_size, lr in ((None, 0.1), (32, 0.05), (1, 0.01)):
        epochs = 3 if batch_size is None else 1
        xs, losses = fam.descent_data(batch_size, lr, epochs)
        assert len(xs) == len(losses) == len(hand_descent(X, y, batch_size, lr, epochs))
        torch.testing.assert_close(torch.tensor(losses), torch.tensor(hand_descent(X, y, batch_size, lr, epochs)))
        assert xs[-1] == pytest.approx(epochs)
    # the same with torch.optim.SGD (mini-batch, one epoch)
    w = torch.zeros(10, requires_grad=True)
    b = torch.zeros((), requires_grad=True)
    opt = torch.optim.SGD([w, b], lr=0.05)
    order = torch.randperm(442, generator=torch.Generator().manual_seed(0))
    expected = [1.0]
    for start in range(0, 442, 32):
        idx = order[start : start + 32]
        opt.zero_grad()
        ((X[idx] @ w + b - y[idx]) ** 2).mean().backward()
        opt.step()
        with torch.no_grad():
            expected.append(((X @ w + b - y) ** 2).mean().item())
    torch.testing.assert_close(torch.tensor(fam.descent_data(32, 0.05, 1)[1]), torch.tensor(expected))


def test_learning_rate_data_is_batch_descent(data):
    X, y = data
    torch.testing.assert_close(torch.tensor(fam.learning_rate_data(0.26, 5)), torch.tensor(hand_descent(X, y, None, 0.26, 5)))


def test_path_data_equals_hand_sgd(hand_sgd):
    for _, momentum, nesterov in fam.PATHS:
        p = torch.tensor(fam.START, dtype=torch.float64, requires_grad=True)
        opt = hand_sgd([p], lr=fam.PATH_LR, momentum=momentum, nesterov=nesterov)
        a = torch.tensor(fam.CURVATURES, dtype=torch.float64)
        points = [tuple(p.tolist())]
        for _ in range(fam.PATH_STEPS):
            opt.zero_grad()
            (0.5 * (a * p * p).sum()).backward()
            opt.step()
            points.append(tuple(p.tolist()))
        torch.testing.assert_close(torch.tensor(fam.path_data(momentum, nesterov)), torch.tensor(points))


# ---- saddle points ----------------------------------------------------------------------------


def saddle(p):
    return p[0] ** 2 - p[1] ** 2


def test_saddle_has_zero_gradient_and_curvatures_of_both_signs():
    origin = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    (g,) = torch.autograd.grad(saddle(origin), origin)
    assert (g == 0).all()
    curvatures = torch.linalg.eigvalsh(torch.autograd.functional.hessian(saddle, torch.zeros(2, dtype=torch.float64)))
    assert curvatures.tolist() == [-2.0, 2.0]
    # a minimum along x, a maximum along y
    t = torch.linspace(-1, 1, 21, dtype=torch.float64)
    assert saddle((t, torch.zeros_like(t))).argmin() == 10 and saddle((torch.zeros_like(t), t)).argmax() == 10


def test_saddle_steps_scale_x_and_y_and_escape_times():
    ns = run_snippet("saddle.py")
    lr = 0.1
    for y0 in (1e-3, 1e-6):
        expected = math.ceil(math.log(1 / y0) / math.log(1 + 2 * lr))
        assert ns["descend"]([1.0, y0]) == f"escapes after {expected} steps"
    assert round(math.log(1000) / math.log(1.2)) == 38
    assert ns["descend"]([1.0, 0.0]).startswith("still at (0.0000, 0.0000)")
    plain = int(ns["descend"]([1.0, 1e-6]).split()[2])
    heavy = int(ns["descend"]([1.0, 1e-6], momentum=0.9).split()[2])
    assert heavy < plain
    # one plain step multiplies x by 1 - 2 lr and y by 1 + 2 lr
    p = torch.tensor([0.7, 0.3], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([p], lr=lr)
    saddle(p).backward()
    opt.step()
    torch.testing.assert_close(p.detach(), torch.tensor([0.7 * 0.8, 0.3 * 1.2], dtype=torch.float64))


def test_saddle_data_is_torch_sgd(hand_sgd):
    for (label, points), (_, start, momentum) in zip(fam.saddle_data(), fam.SADDLE_PATHS):
        assert label.startswith("plain" if momentum == 0 else f"momentum {momentum:g}")
        p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
        opt = hand_sgd([p], lr=fam.SADDLE_LR, momentum=momentum)
        expected = [start]
        for _ in range(fam.SADDLE_STEPS):
            opt.zero_grad()
            saddle(p).backward()
            opt.step()
            expected.append(tuple(p.tolist()))
        torch.testing.assert_close(torch.tensor(points, dtype=torch.float64), torch.tensor(expected, dtype=torch.float64))


# ---- the figures' alt texts state what the data shows ------------------------------------------


def alt_text(figure: str) -> str:
    (alt,) = re.findall(r"!\[([^\]]+)\]\(\.\./figures/" + re.escape(figure) + r"\.svg\)", PAGE.read_text())
    return alt


def test_variants_alt_text():
    alt = alt_text("gradient_descent/variants")
    assert f"over {fam.VARIANT_EPOCHS} epochs" in alt
    curves = {label.split()[0]: fam.descent_data(batch_size, lr, fam.VARIANT_EPOCHS) for label, batch_size, lr in fam.VARIANTS}
    epochs, batch = curves["batch"]
    assert f"from {batch[0]:.1f} to {batch[-1]:.3f}" in alt and len(batch) == fam.VARIANT_EPOCHS + 1
    assert all(b < a for a, b in zip(batch, batch[1:]))  # smooth: falls every epoch
    epochs, sgd = curves["stochastic"]
    later = [v for e, v in zip(epochs, sgd) if e >= 1]
    assert next(e for e, v in zip(epochs, sgd) if v < 0.55) < 0.1
    assert f"spikes up to {max(later):.3f} after the first epoch, and ends at {sgd[-1]:.3f}" in alt
    epochs, mini = curves["mini-batch"]
    later = [v for e, v in zip(epochs, mini) if e >= 1]
    assert next(e for e, v in zip(epochs, mini) if v < 0.55) < 0.5
    assert f"between {min(later):.3f} and {max(later):.3f} after the first epoch" in alt


def test_learning_rates_alt_text():
    alt = alt_text("gradient_descent/learning-rates")
    assert f"over {fam.LR_EPOCHS} epochs" in alt
    final = {lr: fam.learning_rate_data(lr) for lr in fam.LEARNING_RATES}
    for lr in (0.01, 0.1, 0.24):
        assert f"{lr:g} falls" in alt and f"to {final[lr][-1]:.3f}" in alt
    assert final[0.1][-1] < final[0.24][-1] < final[0.01][-1]
    unstable = final[0.26]
    assert min(unstable) == unstable[1] < 1.0 and all(b > a for a, b in zip(unstable[1:], unstable[2:]))
    assert f"dips to {unstable[1]:.3f} after one epoch" in alt and f"to {unstable[-1]:.1f}" in alt


def test_momentum_paths_alt_text():
    alt = alt_text("gradient_descent/momentum-paths")
    assert f"{fam.PATH_STEPS} steps with lr {fam.PATH_LR:g}" in alt and f"starting at ({fam.START[0]:g}, {fam.START[1]:g})" in alt
    plain, heavy, nesterov = (fam.path_data(momentum, n) for _, momentum, n in fam.PATHS)

    def point(p):
        return f"({p[0]:.2f}, {p[1]:.2f})".replace("-0.00", "0.00")

    assert f"ending at {point(plain[-1])}" in alt
    assert f"y down to {min(y for _, y in heavy):.2f}, still swinging by {heavy[13][1]:.2f} after 13 steps" in alt
    assert f"to x = {max(x for x, _ in heavy):.2f} and ends at {point(heavy[-1])}" in alt
    assert f"y down to {min(y for _, y in nesterov):.2f}" in alt
    assert all(abs(y) < 0.01 for _, y in nesterov[6:]) and abs(nesterov[5][1]) > 0.01
    assert f"to x = {max(x for x, _ in nesterov):.2f}, and ends at {point(nesterov[-1])}" in alt


def test_saddle_alt_text():
    alt = alt_text("gradient_descent/saddle")
    (_, onto), (_, near), (_, heavy) = fam.saddle_data()
    assert f"after {fam.SADDLE_STEPS} steps" in alt and f"lr {fam.SADDLE_LR:g}" in alt
    assert f"is {math.hypot(*onto[-1]):.0e} from it" in alt and all(y == 0 for _, y in onto)

    def leaves(path):
        return next(i for i, (x, y) in enumerate(path) if max(abs(x), abs(y)) > 2)

    assert f"passes within {min(math.hypot(*p) for p in near):.3f} of the saddle" in alt
    assert f"(y above 2) after {leaves(near)} steps" in alt
    xs = [x for x, _ in heavy[: leaves(heavy)]]
    assert f"to x = {min(xs):.2f}, swings back to x = {max(xs[xs.index(min(xs)):]):.2f}" in alt
    assert f"leaves the view after {leaves(heavy)} steps" in alt

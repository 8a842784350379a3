"""Checks for docs/optimizers/index.md.

- The page has one `## <ClassName>` section per optimizer exported by `torch.optim`,
  read from torch, so a release that adds an optimizer fails here.
- Every default the page states (the `**Defaults:**` line of each section and the
  hyperparameter column of the overview table) is parsed from the page and compared
  with `inspect.signature`.
- Every update rule on the page is implemented by hand, with the page's symbols, and
  compared with torch for several steps on a small non-quadratic problem; Adafactor,
  Muon, LBFGS and SparseAdam get hand implementations too, plus behavioural checks.
- The memory column of the table is checked against the optimizer state, the claims
  in the prose are recomputed, and the figure data is compared with torch and with the
  hand implementations.
"""

from __future__ import annotations

import ast
import inspect
import math
import re
from pathlib import Path

import pytest
import torch

from tests.checks import assert_defaults, sections

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "optimizers" / "index.md"
F64 = torch.float64


def page_text() -> str:
    return PAGE.read_text()


def torch_optimizers() -> list[str]:
    """Every `torch.optim.Optimizer` subclass that `torch.optim` exports."""
    return sorted(
        name
        for name in torch.optim.__all__
        if isinstance(getattr(torch.optim, name), type)
        and issubclass(getattr(torch.optim, name), torch.optim.Optimizer)
        and getattr(torch.optim, name) is not torch.optim.Optimizer
    )


def stated(text: str) -> dict[str, object]:
    """`name=value` pairs written in code spans, e.g. `` `lr=0.001` ``."""
    return {name: ast.literal_eval(value) for name, value in re.findall(r"`(\w+)=([^`]+)`", text)}


# ---- the list of optimizers and their defaults ------------------------------------------------


def test_one_section_per_torch_optimizer():
    names = torch_optimizers()
    assert len(names) == 15, names
    headings = [h for h in sections(page_text()) if re.fullmatch(r"\w+", h)]
    assert sorted(headings) == names
    assert len(headings) == len(set(headings))


def test_defaults_line_of_every_section():
    for name, body in sections(page_text()).items():
        if not re.fullmatch(r"\w+", name):
            continue
        (line,) = [line for line in body.splitlines() if line.startswith("**Defaults:**")]
        values = stated(line)
        assert values, name
        assert_defaults(getattr(torch.optim, name), **values)


def test_overview_table_rows_and_defaults():
    table = sections(page_text())["All 15 at a glance"]
    rows = [line for line in table.splitlines() if line.startswith("| [")]
    linked = [re.match(r"\| \[(\w+)\]\(#(\w+)\)", row).groups() for row in rows]
    assert sorted(name for name, _ in linked) == torch_optimizers()
    assert all(anchor == name.lower() for name, anchor in linked)
    for (name, _), row in zip(linked, rows):
        values = stated(row)
        assert values, name
        assert_defaults(getattr(torch.optim, name), **values)


def test_defaults_named_in_the_prose():
    assert_defaults(torch.optim.Optimizer.zero_grad, set_to_none=True)
    assert_defaults(torch.optim.Adam, decoupled_weight_decay=False, amsgrad=False)
    assert_defaults(torch.optim.NAdam, decoupled_weight_decay=False)
    assert_defaults(torch.optim.RAdam, decoupled_weight_decay=False)
    assert_defaults(torch.optim.RMSprop, centered=False, momentum=0)
    assert_defaults(torch.optim.Muon, adjust_lr_fn=None)


# ---- a small non-quadratic problem, and the driver comparing torch with a hand rule -----------


def problem(shape=(5,), seed=0):
    """theta0 and f(theta) = sum c (theta - t)^2 + 0.1 sum theta^4, with c spread over 0.1..10."""
    gen = torch.Generator().manual_seed(seed)
    theta0 = torch.randn(shape, generator=gen, dtype=F64)
    target = torch.randn(shape, generator=gen, dtype=F64)
    scale = 10 ** (2 * torch.rand(shape, generator=gen, dtype=F64) - 1)

    def f(theta):
        return (scale * (theta - target) ** 2).sum() + 0.1 * (theta**4).sum()

    return theta0, f


def grad_of(f, theta):
    theta = theta.detach().clone().requires_grad_(True)
    (g,) = torch.autograd.grad(f(theta), theta)
    return g


def compare(make_optimizer, hand_step, steps=8, shape=(5,), **tol):
    """Run torch and the hand rule side by side; compare theta after every step."""
    theta0, f = problem(shape)
    p = theta0.clone().requires_grad_(True)
    optimizer = make_optimizer([p])
    theta, state = theta0.clone(), {}
    for t in range(1, steps + 1):
        optimizer.zero_grad()
        f(p).backward()
        optimizer.step()
        theta = hand_step(theta, grad_of(f, theta), t, state)
        torch.testing.assert_close(p.detach(), theta, **tol, msg=lambda m: f"step {t}: {m}")
    return optimizer, p


# ---- the update rules of the page, by hand ------------------------------------------------------


def sgd_rule(lr=0.001, momentum=0.0, dampening=0.0, weight_decay=0.0, nesterov=False):
    def step(theta, g, t, s):
        g = g + weight_decay * theta
        if momentum != 0:
            s["b"] = g if t == 1 else momentum * s["b"] + (1 - dampening) * g
            g = g + momentum * s["b"] if nesterov else s["b"]
        return theta - lr * g

    return step


def adagrad_rule(lr=0.01, lr_decay=0.0, weight_decay=0.0, initial_accumulator_value=0.0, eps=1e-10):
    def step(theta, g, t, s):
        g = g + weight_decay * theta
        lr_t = lr / (1 + (t - 1) * lr_decay)
        s["G"] = s.get("G", torch.full_like(theta, initial_accumulator_value)) + g**2
        return theta - lr_t * g / (s["G"].sqrt() + eps)

    return step


def adadelta_rule(lr=1.0, rho=0.9, eps=1e-6, weight_decay=0.0):
    def step(theta, g, t, s):
        g = g + weight_decay * theta
        v, u = s.get("v", torch.zeros_like(theta)), s.get("u", torch.zeros_like(theta))
        v = rho * v + (1 - rho) * g**2
        delta = (u + eps).sqrt() / (v + eps).sqrt() * g
        s["u"] = rho * u + (1 - rho) * delta**2
        s["v"] = v
        return theta - lr * delta

    return step


def rmsprop_rule(lr=0.01, alpha=0.99, eps=1e-8, weight_decay=0.0, momentum=0.0, centered=False):
    def step(theta, g, t, s):
        g = g + weight_decay * theta
        s["v"] = alpha * s.get("v", torch.zeros_like(theta)) + (1 - alpha) * g**2
        v = s["v"]
        if centered:
            s["gbar"] = alpha * s.get("gbar", torch.zeros_like(theta)) + (1 - alpha) * g
            v = v - s["gbar"] ** 2
        direction = g / (v.sqrt() + eps)
        if momentum > 0:
            s["b"] = momentum * s.get("b", torch.zeros_like(theta)) + direction
            direction = s["b"]
        return theta - lr * direction

    return step


def weight_decay_step(theta, g, lr, weight_decay, decoupled):
    """L2 decay adds λθ to the gradient; decoupled decay (AdamW style) shrinks θ directly."""
    if decoupled:
        return theta - lr * weight_decay * theta, g
    return theta, g + weight_decay * theta


def update_moments(s, g, beta1, beta2):
    """Adam's running averages of the gradient (m) and of its square (v)."""
    s["m"] = beta1 * s.get("m", torch.zeros_like(g)) + (1 - beta1) * g
    s["v"] = beta2 * s.get("v", torch.zeros_like(g)) + (1 - beta2) * g**2


def adam_rule(lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, amsgrad=False, decoupled=False):
    beta1, beta2 = betas

    def step(theta, g, t, s):
        theta, g = weight_decay_step(theta, g, lr, weight_decay, decoupled)
        update_moments(s, g, beta1, beta2)
        v = s["v"]
        if amsgrad:
            s["vmax"] = v = torch.maximum(s.get("vmax", torch.zeros_like(theta)), v)
        m_hat = s["m"] / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        return theta - lr * m_hat / (v_hat.sqrt() + eps)

    return step


def adamw_rule(lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.01, amsgrad=False):
    return adam_rule(lr, betas, eps, weight_decay, amsgrad, decoupled=True)


def adamax_rule(lr=0.002, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas

    def step(theta, g, t, s):
        g = g + weight_decay * theta
        s["m"] = beta1 * s.get("m", torch.zeros_like(theta)) + (1 - beta1) * g
        s["u"] = torch.maximum(beta2 * s.get("u", torch.zeros_like(theta)), g.abs() + eps)
        return theta - lr * s["m"] / ((1 - beta1**t) * s["u"])

    return step


def nadam_mu(t, beta1=0.9, psi=0.004):
    return beta1 * (1 - 0.5 * 0.96 ** (t * psi))


def nadam_rule(lr=0.002, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, momentum_decay=0.004, decoupled=False):
    beta1, beta2 = betas

    def step(theta, g, t, s):
        theta, g = weight_decay_step(theta, g, lr, weight_decay, decoupled)
        prod_t = math.prod(nadam_mu(i, beta1, momentum_decay) for i in range(1, t + 1))
        mu_t, mu_next = nadam_mu(t, beta1, momentum_decay), nadam_mu(t + 1, beta1, momentum_decay)
        update_moments(s, g, beta1, beta2)
        m_hat = mu_next * s["m"] / (1 - prod_t * mu_next) + (1 - mu_t) * g / (1 - prod_t)
        v_hat = s["v"] / (1 - beta2**t)
        return theta - lr * m_hat / (v_hat.sqrt() + eps)

    return step


def radam_rho(t, beta2=0.999):
    rho_inf = 2 / (1 - beta2) - 1
    return rho_inf, rho_inf - 2 * t * beta2**t / (1 - beta2**t)


def radam_rule(lr=0.001, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0, decoupled=False):
    beta1, beta2 = betas

    def step(theta, g, t, s):
        theta, g = weight_decay_step(theta, g, lr, weight_decay, decoupled)
        update_moments(s, g, beta1, beta2)
        m_hat = s["m"] / (1 - beta1**t)
        rho_inf, rho_t = radam_rho(t, beta2)
        if rho_t > 5:
            l_t = math.sqrt(1 - beta2**t) / (s["v"].sqrt() + eps)
            r_t = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
            return theta - lr * m_hat * r_t * l_t
        return theta - lr * m_hat

    return step


def rprop_rule(lr=0.01, etas=(0.5, 1.2), step_sizes=(1e-6, 50)):
    eta_minus, eta_plus = etas
    step_min, step_max = step_sizes

    def step(theta, g, t, s):
        prev = s.get("prev", torch.zeros_like(theta))
        size = s.get("size", torch.full_like(theta, lr))
        product = prev * g
        size = torch.where(product > 0, (size * eta_plus).clamp(max=step_max), size)
        size = torch.where(product < 0, (size * eta_minus).clamp(min=step_min), size)
        g = torch.where(product < 0, 0.0, g)
        s["prev"], s["size"] = g, size
        return theta - size * g.sign()

    return step


def asgd_rule(lr=0.01, lambd=1e-4, alpha=0.75, t0=1e6, weight_decay=0.0):
    """Also keeps the average a_t in s["ax"]."""

    def step(theta, g, t, s):
        g = g + weight_decay * theta
        eta, mu = s.get("eta", lr), s.get("mu", 1.0)
        theta = theta * (1 - lambd * eta) - eta * g
        ax = s.get("ax", torch.zeros_like(theta))
        s["ax"] = ax + mu * (theta - ax)
        s["eta"] = lr / (1 + lambd * lr * t) ** alpha
        s["mu"] = 1 / max(1, t - t0)
        return theta

    return step


# ---- each rule against torch --------------------------------------------------------------------

O = torch.optim


def test_sgd_plain_momentum_nesterov_by_hand():
    compare(lambda ps: O.SGD(ps), sgd_rule())
    compare(lambda ps: O.SGD(ps, lr=0.01, weight_decay=0.1), sgd_rule(lr=0.01, weight_decay=0.1))
    compare(lambda ps: O.SGD(ps, lr=0.01, momentum=0.9), sgd_rule(lr=0.01, momentum=0.9))
    compare(lambda ps: O.SGD(ps, lr=0.01, momentum=0.9, dampening=0.5), sgd_rule(lr=0.01, momentum=0.9, dampening=0.5))
    compare(lambda ps: O.SGD(ps, lr=0.01, momentum=0.9, nesterov=True), sgd_rule(lr=0.01, momentum=0.9, nesterov=True))


def test_sgd_momentum_is_the_lr_inside_velocity_form_for_a_constant_lr():
    """v <- mu v + lr g; theta <- theta - v gives the same points as torch's b-form."""
    theta0, f = problem()
    p = theta0.clone().requires_grad_(True)
    optimizer = O.SGD([p], lr=0.01, momentum=0.9)
    theta, v = theta0.clone(), torch.zeros_like(theta0)
    for _ in range(6):
        optimizer.zero_grad()
        f(p).backward()
        optimizer.step()
        v = 0.9 * v + 0.01 * grad_of(f, theta)
        theta = theta - v
        torch.testing.assert_close(p.detach(), theta)


def test_adagrad_by_hand():
    compare(lambda ps: O.Adagrad(ps), adagrad_rule())
    kw = dict(lr=0.1, lr_decay=0.05, weight_decay=0.1, initial_accumulator_value=0.5, eps=1e-6)
    compare(lambda ps: O.Adagrad(ps, **kw), adagrad_rule(**kw))


def test_adadelta_by_hand():
    compare(lambda ps: O.Adadelta(ps), adadelta_rule())
    kw = dict(lr=0.5, rho=0.8, eps=1e-4, weight_decay=0.1)
    compare(lambda ps: O.Adadelta(ps, **kw), adadelta_rule(**kw))


def test_rmsprop_by_hand():
    compare(lambda ps: O.RMSprop(ps), rmsprop_rule())
    for kw in (dict(momentum=0.9), dict(centered=True), dict(centered=True, momentum=0.5, weight_decay=0.1, alpha=0.9)):
        compare(lambda ps: O.RMSprop(ps, lr=0.001, **kw), rmsprop_rule(lr=0.001, **kw))


def test_adam_by_hand():
    compare(lambda ps: O.Adam(ps), adam_rule())
    kw = dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)
    compare(lambda ps: O.Adam(ps, **kw), adam_rule(**kw))
    compare(lambda ps: O.Adam(ps, lr=0.01, amsgrad=True), adam_rule(lr=0.01, amsgrad=True), steps=12)


def test_adamw_by_hand_and_adam_with_decoupled_weight_decay():
    compare(lambda ps: O.AdamW(ps), adamw_rule())
    compare(lambda ps: O.AdamW(ps, lr=0.01, weight_decay=0.5), adamw_rule(lr=0.01, weight_decay=0.5))
    compare(lambda ps: O.Adam(ps, lr=0.01, weight_decay=0.5, decoupled_weight_decay=True), adamw_rule(lr=0.01, weight_decay=0.5))


def test_adamax_by_hand():
    compare(lambda ps: O.Adamax(ps), adamax_rule())
    kw = dict(lr=0.01, betas=(0.8, 0.9), weight_decay=0.1)
    compare(lambda ps: O.Adamax(ps, **kw), adamax_rule(**kw))


def test_nadam_by_hand():
    compare(lambda ps: O.NAdam(ps), nadam_rule())
    kw = dict(lr=0.01, momentum_decay=0.1, weight_decay=0.1)
    compare(lambda ps: O.NAdam(ps, **kw), nadam_rule(**kw))
    compare(lambda ps: O.NAdam(ps, decoupled_weight_decay=True, **kw), nadam_rule(decoupled=True, **kw))


def test_radam_by_hand_across_the_switch_at_rho_5():
    optimizer, _ = compare(lambda ps: O.RAdam(ps), radam_rule(), steps=9)
    assert [radam_rho(t)[1] > 5 for t in range(1, 10)] == [False] * 5 + [True] * 4
    kw = dict(lr=0.01, weight_decay=0.1)
    compare(lambda ps: O.RAdam(ps, **kw), radam_rule(**kw), steps=9)
    compare(lambda ps: O.RAdam(ps, decoupled_weight_decay=True, **kw), radam_rule(decoupled=True, **kw), steps=9)


def test_rprop_by_hand():
    compare(lambda ps: O.Rprop(ps), rprop_rule(), steps=12)
    kw = dict(lr=0.3, etas=(0.4, 1.5), step_sizes=(0.01, 0.5))
    compare(lambda ps: O.Rprop(ps, **kw), rprop_rule(**kw), steps=12)


def test_asgd_by_hand_including_the_average():
    kw = dict(lr=0.01, lambd=0.1, alpha=0.75, t0=3.0, weight_decay=0.1)
    hand = asgd_rule(**kw)
    shared = {}
    optimizer, p = compare(lambda ps: O.ASGD(ps, **kw), lambda th, g, t, s: hand(th, g, t, shared), steps=8, rtol=1e-6, atol=1e-7)
    torch.testing.assert_close(optimizer.state[p]["ax"], shared["ax"], rtol=1e-6, atol=1e-7)
    compare(lambda ps: O.ASGD(ps), asgd_rule(), rtol=1e-6, atol=1e-7)


def test_asgd_average_is_the_mean_of_the_iterates_from_step_t0_plus_2():
    theta0, f = problem()
    p = theta0.clone().requires_grad_(True)
    optimizer = O.ASGD([p], lr=0.05, t0=2)
    points = []
    for _ in range(7):
        optimizer.zero_grad()
        f(p).backward()
        optimizer.step()
        points.append(p.detach().clone())
    torch.testing.assert_close(optimizer.state[p]["ax"], torch.stack(points[3:]).mean(0))  # steps 4..7


def test_asgd_with_default_t0_does_not_average():
    theta0, f = problem()
    p = theta0.clone().requires_grad_(True)
    optimizer = O.ASGD([p])
    for _ in range(5):
        optimizer.zero_grad()
        f(p).backward()
        optimizer.step()
    assert torch.equal(optimizer.state[p]["ax"], p.detach())
    assert optimizer.state[p]["mu"].item() == 1.0


# ---- Adafactor ----------------------------------------------------------------------------------


def adafactor_rule(lr=0.01, beta2_decay=-0.8, eps=(None, 1e-3), d=1.0, weight_decay=0.0):
    def step(theta, G, t, s):
        eps1 = torch.finfo(theta.dtype).eps if eps[0] is None else eps[0]
        beta2_t = 1 - t**beta2_decay
        rho_t = min(lr, 1 / math.sqrt(t))
        alpha_t = max(eps[1], theta.pow(2).mean().sqrt().item()) * rho_t
        theta = theta * (1 - lr * weight_decay)
        if G.dim() > 1:
            s["R"] = beta2_t * s.get("R", 0) + (1 - beta2_t) * (G * G).mean(dim=-1, keepdim=True)
            s["C"] = beta2_t * s.get("C", 0) + (1 - beta2_t) * (G * G).mean(dim=-2, keepdim=True)
            V = s["R"] * s["C"] / s["R"].mean(dim=-2, keepdim=True).clamp(min=eps1)
        else:
            s["V"] = V = beta2_t * s.get("V", 0) + (1 - beta2_t) * G * G
        U = G / V.sqrt().clamp(min=eps1)
        U_hat = U / max(1.0, U.pow(2).mean().sqrt().item() / d)
        return theta - alpha_t * U_hat

    return step


def test_adafactor_by_hand_for_a_matrix_and_a_vector():
    compare(lambda ps: O.Adafactor(ps), adafactor_rule(), shape=(4, 3))
    compare(lambda ps: O.Adafactor(ps), adafactor_rule(), shape=(6,))
    kw = dict(lr=0.05, weight_decay=0.1, d=1.2, beta2_decay=-0.5, eps=(1e-20, 1e-2))
    compare(lambda ps: O.Adafactor(ps, **kw), adafactor_rule(**kw), shape=(4, 3))


def test_adafactor_stores_one_row_and_one_column_per_matrix():
    p = torch.zeros(300, 200, requires_grad=True)
    optimizer = O.Adafactor([p])
    p.grad = torch.ones_like(p)
    optimizer.step()
    shapes = {k: tuple(v.shape) for k, v in optimizer.state[p].items() if torch.is_tensor(v) and v.dim()}
    assert shapes == {"row_var": (300, 1), "col_var": (1, 200)}
    assert 300 + 200 < p.numel() / 100


# ---- Muon ---------------------------------------------------------------------------------------

NS = (3.4445, -4.775, 2.0315)


def newton_schulz(B, coefficients=NS, steps=5, eps=1e-7):
    """The page's iteration, in float64: X <- aX + (bA + cA^2)X with A = X X^T."""
    a, b, c = coefficients
    X = B.T if B.shape[0] > B.shape[1] else B
    X = X / X.norm().clamp(min=eps)
    for _ in range(steps):
        A = X @ X.T
        X = a * X + (b * A + c * A @ A) @ X
    return X.T if B.shape[0] > B.shape[1] else X


def test_muon_by_hand_up_to_bfloat16():
    """The page's rule in float64 against torch, one step at a time from torch's own point.

    torch orthogonalises in bfloat16, so the updates agree to a few percent; the momentum
    buffer torch stores is (1 - mu) B, a rescaling that the normalisation in NS cancels.
    """
    lr, weight_decay, mu = 0.02, 0.1, 0.95
    for shape in ((4, 3), (3, 5), (8, 3)):
        for nesterov in (True, False):
            theta0, f = problem(shape)
            p = theta0.clone().requires_grad_(True)
            optimizer = O.Muon([p], lr=lr, weight_decay=weight_decay, nesterov=nesterov)
            B = torch.zeros_like(theta0)
            for _ in range(5):
                before = p.detach().clone()
                optimizer.zero_grad()
                f(p).backward()
                g = p.grad.clone()
                optimizer.step()
                B = mu * B + g
                direction = g + mu * B if nesterov else B
                rows, cols = shape
                update = lr * math.sqrt(max(1, rows / cols)) * newton_schulz(direction)
                expected = before * (1 - lr * weight_decay) - update
                assert (p.detach() - expected).norm() < 0.08 * update.norm(), (shape, nesterov)
                torch.testing.assert_close(optimizer.state[p]["momentum_buffer"], (1 - mu) * B)


def test_muon_update_has_singular_values_near_one():
    torch.manual_seed(0)
    p = torch.zeros(8, 5, requires_grad=True)
    optimizer = O.Muon([p], lr=1.0, weight_decay=0.0)
    p.grad = torch.randn(8, 5) * torch.tensor([10.0, 3.0, 1.0, 0.3, 0.1])
    optimizer.step()
    update = -p.detach() / math.sqrt(8 / 5)
    spread = torch.linalg.svdvals(p.grad)
    assert spread.max() / spread.min() > 50
    singular = torch.linalg.svdvals(update)
    assert 75 < spread.max() / spread.min() < 85  # "a factor of 80"
    assert ((singular > 0.7) & (singular < 1.2)).all(), singular
    # the scale of the input does not matter: NS starts by dividing by the norm
    torch.testing.assert_close(newton_schulz(p.grad.double()), newton_schulz(0.05 * p.grad.double()))


def test_muon_rejects_non_matrix_parameters():
    with pytest.raises(ValueError, match="2D"):
        O.Muon([torch.zeros(3, requires_grad=True)])
    with pytest.raises(ValueError, match="2D"):
        O.Muon([torch.zeros(2, 3, 4, requires_grad=True)])


# ---- LBFGS --------------------------------------------------------------------------------------


def lbfgs_by_hand(theta, grad, iterations, lr=1.0, history=100):
    """theta <- theta - t H g, with H from the BFGS recursion over the last `history` pairs
    (only pairs with y^T s > 1e-10 are kept)."""
    pairs, n = [], theta.numel()
    g = grad(theta)
    for k in range(iterations):
        if pairs:
            s, y = pairs[-1]
            H = (s @ y) / (y @ y) * torch.eye(n, dtype=theta.dtype)
            for s, y in pairs[-history:]:
                rho = 1 / (y @ s)
                left = torch.eye(n, dtype=theta.dtype) - rho * torch.outer(s, y)
                H = left @ H @ left.T + rho * torch.outer(s, s)
            direction = -H @ g
        else:
            direction = -g
        t = min(1.0, 1.0 / g.abs().sum().item()) * lr if k == 0 else lr
        new_theta = theta + t * direction
        new_g = grad(new_theta)
        if (new_g - g) @ (new_theta - theta) > 1e-10:  # a pair of negative curvature is skipped
            pairs.append((new_theta - theta, new_g - g))
        theta, g = new_theta, new_g
    return theta


def test_lbfgs_by_hand_without_line_search():
    theta0, f = problem(shape=(4,))
    p = theta0.clone().requires_grad_(True)
    optimizer = O.LBFGS([p], lr=0.5, max_iter=6)

    def closure():
        optimizer.zero_grad()
        loss = f(p)
        loss.backward()
        return loss

    optimizer.step(closure)
    torch.testing.assert_close(p.detach(), lbfgs_by_hand(theta0, lambda th: grad_of(f, th), 6, lr=0.5))
    # a small history keeps only the newest pairs
    p = theta0.clone().requires_grad_(True)
    optimizer = O.LBFGS([p], lr=0.5, max_iter=6, history_size=2)
    optimizer.step(closure)
    torch.testing.assert_close(p.detach(), lbfgs_by_hand(theta0, lambda th: grad_of(f, th), 6, lr=0.5, history=2))


def test_lbfgs_needs_a_closure_and_solves_a_quadratic_in_one_step():
    torch.manual_seed(0)
    M = torch.randn(6, 6, dtype=F64)
    A, b = M @ M.T + torch.eye(6, dtype=F64), torch.randn(6, dtype=F64)
    p = torch.zeros(6, dtype=F64, requires_grad=True)
    optimizer = O.LBFGS([p], line_search_fn="strong_wolfe")
    with pytest.raises(TypeError, match="closure"):
        optimizer.step()
    calls = []

    def closure():
        calls.append(1)
        optimizer.zero_grad()
        loss = 0.5 * p @ A @ p - b @ p
        loss.backward()
        return loss

    optimizer.step(closure)
    torch.testing.assert_close(p.detach(), torch.linalg.solve(A, b), rtol=0, atol=1e-5)
    assert optimizer.param_groups[0]["max_eval"] == 25
    assert 1 < len(calls) <= 25 == 20 * 5 // 4  # max_eval defaults to max_iter * 1.25
    with pytest.raises(ValueError, match="groups"):
        O.LBFGS([{"params": [torch.zeros(1, requires_grad=True)]}, {"params": [torch.zeros(1, requires_grad=True)]}])


# ---- SparseAdam ---------------------------------------------------------------------------------


def test_sparse_adam_by_hand_updates_only_the_rows_looked_up():
    torch.manual_seed(0)
    emb = torch.nn.Embedding(6, 3, sparse=True).double()
    start = emb.weight.detach().clone()
    optimizer = O.SparseAdam(emb.parameters(), lr=0.1)
    lr, beta1, beta2, eps = 0.1, 0.9, 0.999, 1e-8
    theta, m, v = start.clone(), torch.zeros_like(start), torch.zeros_like(start)
    for t, rows in enumerate(([1, 3], [3, 4], [1, 1, 4]), start=1):
        index = torch.tensor(rows)
        optimizer.zero_grad()
        (emb(index) ** 2).sum().backward()
        assert emb.weight.grad.is_sparse
        optimizer.step()
        g = torch.zeros_like(theta).index_add_(0, index, 2 * theta[index])
        hit = torch.zeros(6, dtype=torch.bool)
        hit[index] = True
        m[hit] = beta1 * m[hit] + (1 - beta1) * g[hit]
        v[hit] = beta2 * v[hit] + (1 - beta2) * g[hit] ** 2
        step = lr * math.sqrt(1 - beta2**t) / (1 - beta1**t)
        theta[hit] = theta[hit] - step * m[hit] / (v[hit].sqrt() + eps)
        torch.testing.assert_close(emb.weight.detach(), theta)
    untouched = [0, 2, 5]
    assert torch.equal(emb.weight.detach()[untouched], start[untouched])


@pytest.mark.filterwarnings("ignore:Sparse invariant checks")
def test_sparse_gradients_and_who_accepts_them():
    def step_with(name, sparse):
        emb = torch.nn.Embedding(5, 2, sparse=sparse)
        optimizer = getattr(O, name)(emb.parameters())
        emb(torch.tensor([1])).sum().backward()
        optimizer.step()

    with pytest.raises(RuntimeError, match="dense gradients"):
        step_with("SparseAdam", sparse=False)
    for name in ("SGD", "Adagrad", "SparseAdam"):
        step_with(name, sparse=True)
    emb = torch.nn.Embedding(5, 2, sparse=True)
    optimizer = O.LBFGS(emb.parameters())

    def closure():
        loss = emb(torch.tensor([1])).sum()
        loss.backward()
        return loss

    optimizer.step(closure)  # LBFGS densifies them
    with pytest.raises(RuntimeError, match="sparse"):
        emb = torch.nn.Embedding(5, 2, sparse=True)
        optimizer = O.Muon([emb.weight])
        emb(torch.tensor([1])).sum().backward()
        optimizer.step()
    for name in ("Adam", "AdamW", "RMSprop", "Adadelta", "Adamax", "NAdam", "RAdam", "Rprop", "ASGD", "Adafactor"):
        with pytest.raises(RuntimeError, match="sparse"):
            step_with(name, sparse=True)
    with pytest.raises(TypeError, match="weight_decay"):
        O.SparseAdam([torch.zeros(2, requires_grad=True)], weight_decay=0.1)


# ---- memory: the state tensors each optimizer keeps per parameter ------------------------------

# copies of the parameter kept in the state, as the overview table states them
MEMORY = {
    "SGD": 0, "ASGD": 1, "Adagrad": 1, "RMSprop": 1, "Muon": 1, "Adadelta": 2, "Adam": 2, "AdamW": 2,
    "Adamax": 2, "NAdam": 2, "RAdam": 2, "Rprop": 2, "SparseAdam": 2,
}


def state_numel(name, shape=(6, 4), **kwargs):
    """Elements stored in the optimizer state for one parameter, ignoring scalars."""
    if name == "SparseAdam":
        emb = torch.nn.Embedding(*shape, sparse=True)
        optimizer, p = O.SparseAdam(emb.parameters()), emb.weight
        emb(torch.tensor([1, 2])).sum().backward()
        optimizer.step()
    else:
        p = torch.randn(shape, requires_grad=True)
        optimizer = getattr(O, name)([p], **kwargs)

        def closure():
            optimizer.zero_grad()
            loss = (p**2).sum()
            loss.backward()
            return loss

        optimizer.step(closure)
    total = 0
    for value in optimizer.state[p].values():
        values = value if isinstance(value, list) else [value]
        total += sum(v.numel() for v in values if torch.is_tensor(v) and v.dim() > 0)
    return total, p.numel()


def test_memory_per_parameter():
    for name, copies in MEMORY.items():
        total, n = state_numel(name)
        assert total == copies * n, name
    assert state_numel("SGD", momentum=0.9) == (24, 24)
    assert state_numel("RMSprop", momentum=0.9, centered=True) == (72, 24)
    assert state_numel("Adam", amsgrad=True) == (72, 24)
    assert state_numel("Adafactor", shape=(6, 4)) == (6 + 4, 24)
    assert state_numel("Adafactor", shape=(7,)) == (7, 7)
    # LBFGS: direction, previous gradient, and one (s, y) pair per iteration, up to history_size
    total, n = state_numel("LBFGS", lr=0.1, max_iter=5)
    assert total == (2 + 2 * 4) * n


# ---- claims in the prose and in the snippets -----------------------------------------------------


def steps_under_constant_gradient(name, gradient, n=5, **kwargs):
    p = torch.zeros(1, dtype=F64, requires_grad=True)
    optimizer = getattr(O, name)([p], **kwargs)
    sizes, before = [], 0.0
    for _ in range(n):
        p.grad = torch.full_like(p, gradient)
        optimizer.step()
        sizes.append(before - p.item())
        before = p.item()
    return sizes


def test_adam_steps_are_about_lr_whatever_the_gradient_scale():
    for g in (1e-3, 1.0, 1e3):
        sizes = steps_under_constant_gradient("Adam", g)
        torch.testing.assert_close(torch.tensor(sizes, dtype=F64), torch.full((5,), 1e-3, dtype=F64), rtol=1e-4, atol=0)


def test_rmsprop_first_steps_are_ten_times_lr_without_bias_correction():
    sizes = steps_under_constant_gradient("RMSprop", 1.0, n=3)
    expected = [0.01 / math.sqrt(1 - 0.99**t) for t in (1, 2, 3)]
    torch.testing.assert_close(sizes, expected)
    assert abs(sizes[0] - 0.1) < 1e-8


def test_adagrad_steps_shrink_like_one_over_sqrt_t():
    sizes = steps_under_constant_gradient("Adagrad", 3.0, n=4)
    torch.testing.assert_close(sizes, [0.01 / math.sqrt(t) for t in (1, 2, 3, 4)])


def test_adadelta_first_step_is_tiny_and_steps_grow():
    sizes = steps_under_constant_gradient("Adadelta", 1.0, n=5)
    assert abs(sizes[0] - math.sqrt(1e-6 / (0.1 + 1e-6))) < 1e-12
    assert all(a < b for a, b in zip(sizes, sizes[1:]))


def test_radam_first_five_steps_are_momentum_sgd():
    sizes = steps_under_constant_gradient("RAdam", 2.0, n=7)
    torch.testing.assert_close(sizes[:5], [0.002] * 5)
    assert sizes[5] < 1e-4 and sizes[6] > sizes[5]


def test_nadam_momentum_warms_up_slowly():
    assert abs(nadam_mu(1) - 0.45) < 1e-3
    assert 0.80 < nadam_mu(10_000) < 0.82
    p = torch.zeros(1, requires_grad=True)
    optimizer = O.NAdam([p])
    for _ in range(3):
        p.grad = torch.ones_like(p)
        optimizer.step()
    torch.testing.assert_close(optimizer.state[p]["mu_product"].item(), math.prod(nadam_mu(t) for t in (1, 2, 3)))


def test_adamw_shrinks_proportionally_and_adam_l2_does_not():
    """With a zero loss gradient, AdamW multiplies by (1 - lr wd); Adam's L2 moves every weight by ~lr."""
    start = torch.tensor([10.0, 1.0, 0.1], dtype=F64)
    for cls, decoupled in ((O.AdamW, True), (O.Adam, False)):
        p = start.clone().requires_grad_(True)
        optimizer = cls([p], lr=0.01, weight_decay=0.1)
        p.grad = torch.zeros_like(p)
        optimizer.step()
        if decoupled:
            torch.testing.assert_close(p.detach(), start * (1 - 0.01 * 0.1))
        else:
            torch.testing.assert_close(p.detach(), start - 0.01, rtol=0, atol=1e-8)


def test_adam_l2_barely_decays_weights_with_large_gradients():
    """Under a large constant gradient, Adam's L2 decay changes almost nothing; AdamW's decays by lr*wd*theta."""

    def final(cls, weight_decay):
        p = torch.ones(2, dtype=F64, requires_grad=True)
        optimizer = cls([p], lr=0.01, weight_decay=weight_decay)
        for _ in range(5):
            p.grad = torch.full_like(p, 100.0)
            optimizer.step()
        return p.detach()

    plain = final(O.Adam, 0.0)
    l2_effect = (final(O.Adam, 0.1) - plain).abs().max()
    decoupled_effect = (final(O.AdamW, 0.1) - plain).abs().max()
    assert decoupled_effect > 4e-3 and l2_effect < 1e-3 * decoupled_effect


def test_weight_decay_kinds():
    """L2 (g += wd theta) for these; decoupled theta -= lr wd theta for AdamW, Muon, Adafactor."""
    theta0, _ = problem(shape=(3, 2))
    for name in ("SGD", "Adagrad", "Adadelta", "RMSprop", "Adam", "Adamax", "NAdam", "RAdam", "ASGD"):
        # L2: a zero loss gradient plus weight decay is the same as a gradient wd * theta
        a, b = theta0.clone().requires_grad_(True), theta0.clone().requires_grad_(True)
        oa, ob = getattr(O, name)([a], weight_decay=0.1), getattr(O, name)([b])
        a.grad, b.grad = torch.zeros_like(a), 0.1 * theta0.clone()
        oa.step()
        ob.step()
        torch.testing.assert_close(a, b, msg=name)
    for name in ("AdamW", "Muon", "Adafactor"):
        # decoupled: with a zero loss gradient only the decay acts, theta * (1 - lr wd)
        p = theta0.clone().requires_grad_(True)
        optimizer = getattr(O, name)([p], lr=0.01, weight_decay=0.5)
        p.grad = torch.zeros_like(p)
        optimizer.step()
        torch.testing.assert_close(p.detach(), theta0 * (1 - 0.01 * 0.5), msg=name)
    for name in ("Rprop", "LBFGS", "SparseAdam"):
        assert "weight_decay" not in inspect.signature(getattr(O, name)).parameters


def test_rprop_uses_only_the_sign_and_adapts_step_sizes():
    p = torch.zeros(1, dtype=F64, requires_grad=True)
    optimizer = O.Rprop([p])
    xs, sizes = [], []
    for _ in range(6):
        optimizer.zero_grad()
        ((p - 0.05) ** 2).sum().backward()
        optimizer.step()
        xs.append(p.item())
        sizes.append(optimizer.state[p]["step_size"].item())
    torch.testing.assert_close(sizes, [0.01, 0.012, 0.0144, 0.01728, 0.01728 * 0.5, 0.01728 * 0.5])
    assert xs[4] == xs[3] > 0.05  # overshoot: the sign flips, the step halves and this step does not move


def test_shared_options():
    names = torch_optimizers()

    def having(option):
        return {name for name in names if option in inspect.signature(getattr(O, name)).parameters}

    assert having("maximize") == set(names) - {"LBFGS", "Muon"}
    assert having("foreach") == set(names) - {"LBFGS", "Muon", "SparseAdam"}
    assert len(having("differentiable")) > len(names) / 2 and len(having("capturable")) > len(names) / 2
    assert having("fused") == {"SGD", "Adagrad", "Adam", "AdamW"}
    for option, value in (("maximize", False), ("foreach", None), ("differentiable", False), ("capturable", False), ("fused", None)):
        for name in having(option):
            assert_defaults(getattr(O, name), **{option: value})


def test_adam_steps_shrink_when_the_gradient_is_noise():
    p = torch.zeros(1, dtype=F64, requires_grad=True)
    optimizer = O.Adam([p])
    sizes = []
    for t in range(20):
        before = p.item()
        p.grad = torch.tensor([(-1.0) ** t], dtype=F64)  # +1, -1, +1, ...: pure noise
        optimizer.step()
        sizes.append(abs(before - p.item()))
    assert sizes[0] == pytest.approx(1e-3)
    assert max(sizes[5:]) < 0.5e-3


def test_adafactor_beta2_schedule_and_small_steps_for_zero_weights():
    assert 1 - 1**-0.8 == 0
    assert round(1 - 10**-0.8, 2) == 0.84 and round(1 - 100**-0.8, 3) == 0.975
    p = torch.zeros(4, 3, dtype=F64, requires_grad=True)
    optimizer = O.Adafactor([p])
    p.grad = torch.randn(4, 3, dtype=F64)
    optimizer.step()
    # alpha_1 = max(eps2, RMS(0)) * min(lr, 1) = 1e-3 * 0.01, and RMS of the clipped update is at most d = 1
    assert p.detach().pow(2).mean().sqrt().item() <= 1e-5 * (1 + 1e-9)


def test_param_groups_and_state_dict():
    model = torch.nn.Linear(3, 2)
    optimizer = O.SGD([{"params": [model.weight]}, {"params": [model.bias], "lr": 0.1}], lr=0.01, momentum=0.9)
    assert [g["lr"] for g in optimizer.param_groups] == [0.01, 0.1]
    assert optimizer.param_groups[1]["momentum"] == 0.9  # filled in from the defaults
    model(torch.ones(1, 3)).sum().backward()
    optimizer.step()
    sd = optimizer.state_dict()
    assert set(sd) == {"state", "param_groups"}
    assert sorted(sd["state"]) == [0, 1] and set(sd["state"][0]) == {"momentum_buffer"}
    assert sd["param_groups"][0]["params"] == [0] and sd["param_groups"][1]["params"] == [1]
    optimizer.zero_grad()
    assert model.weight.grad is None


# ---- the figure ----------------------------------------------------------------------------------


def test_trajectory_data_is_torch_on_rosenbrock():
    from plots.families import optimizers as fam

    def rosen_grad(theta):
        x, y = theta
        return torch.stack([-2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)])

    rules = {
        "SGD": sgd_rule,
        "Adagrad": adagrad_rule,
        "RMSprop": rmsprop_rule,
        "Adam": adam_rule,
        "AdamW": adamw_rule,
    }
    assert len(fam.OPTIMIZERS) == 6
    for (label, name, kwargs), (xs, ys, losses) in zip(fam.OPTIMIZERS, fam.trajectories_data.__wrapped__(steps=25)):
        assert len(xs) == len(ys) == len(losses) == 26
        hand, state = rules[name](**dict(kwargs)), {}
        theta = torch.tensor(fam.START, dtype=F64)
        for t in range(1, 26):
            theta = hand(theta, rosen_grad(theta), t, state)
            torch.testing.assert_close([xs[t], ys[t]], theta.tolist(), msg=label)
            torch.testing.assert_close(losses[t], fam.rosenbrock(*theta.tolist()), msg=label)
    assert (xs[0], ys[0]) == fam.START and losses[0] == fam.rosenbrock(*fam.START)


def test_figure_claims():
    """The ranking the page describes: momentum best, plain SGD worst, AdamW a little behind Adam."""
    from plots.families import optimizers as fam

    final = {label: path[2][-1] for (label, _, _), path in zip(fam.OPTIMIZERS, fam.trajectories_data())}
    assert min(final, key=final.get) == "SGD + momentum"
    assert max(final, key=final.get) == "SGD"
    assert final["Adam"] < final["AdamW"] < final["Adagrad"] < final["RMSprop"]
    assert final["SGD + momentum"] < 0.01 and final["SGD"] > 2  # "about 0.005", "stays above 2"
    assert final["SGD"] / final["SGD + momentum"] > 200  # "hundreds of times lower"
    # the same learning rate within each pair
    kwargs = {label: dict(kw) for label, _, kw in fam.OPTIMIZERS}
    assert kwargs["SGD"]["lr"] == kwargs["SGD + momentum"]["lr"] and kwargs["Adam"]["lr"] == kwargs["AdamW"]["lr"]
    assert kwargs["AdamW"]["weight_decay"] == 0.01 and fam.STEPS == 400 and fam.START == (-1.2, 1.0)
    # Adagrad's first step moves each coordinate by lr = 1.0
    xs, ys, _ = fam.trajectories_data()[2]
    assert fam.OPTIMIZERS[2] == ("Adagrad", "Adagrad", (("lr", 1.0),))
    torch.testing.assert_close([abs(xs[1] - xs[0]), abs(ys[1] - ys[0])], [1.0, 1.0])


# ---- Adamax after a spike (issue 10) ---------------------------------------------------------------


def steps_after_a_spike(name, spike_at=100, steps=400):
    p = torch.zeros(1, dtype=F64, requires_grad=True)
    optimizer = getattr(O, name)([p])
    sizes = []
    for t in range(steps):
        before = p.item()
        p.grad = torch.tensor([10.0 if t == spike_at else 1.0], dtype=F64)
        optimizer.step()
        sizes.append(before - p.item())
    return [size / sizes[spike_at - 1] for size in sizes[spike_at + 1 :]]


def test_adamax_steps_stay_8_to_9_times_shorter_after_one_spike_and_adams_do_not():
    adamax, adam = steps_after_a_spike("Adamax"), steps_after_a_spike("Adam")
    assert all(8 < 1 / r < 9.5 for r in adamax[19:220])  # "from 20 to 220 steps after: 8 to 9.5 times shorter"
    assert all(r > 0.75 for r in adam) and min(adam) < 0.8  # "shrink by at most a quarter"
    assert 1 - 0.999 == pytest.approx(0.001)  # u decays by 0.1 % a step


def test_adamax_never_steps_much_further_than_lr():
    gen = torch.Generator().manual_seed(0)
    p = torch.zeros(1000, dtype=F64, requires_grad=True)
    optimizer = O.Adamax([p], lr=0.01)
    for _ in range(300):
        before = p.detach().clone()
        p.grad = torch.randn(1000, generator=gen, dtype=F64) ** 3 * (torch.rand(1000, generator=gen, dtype=F64) < 0.1)
        optimizer.step()
        assert (p.detach() - before).abs().max() < 0.01 * 1.01


# ---- corrections of the review (issue 10) -------------------------------------------------------


@pytest.mark.filterwarnings("ignore:Sparse invariant checks")
def test_sgd_and_adagrad_take_sparse_gradients_only_without_weight_decay():
    for name in ("SGD", "Adagrad"):
        emb = torch.nn.Embedding(5, 2, sparse=True)
        optimizer = getattr(O, name)(emb.parameters(), weight_decay=0.1)
        emb(torch.tensor([1])).sum().backward()
        with pytest.raises(RuntimeError):
            optimizer.step()
    text = " ".join(page_text().split())
    assert text.count("Accepts sparse gradients, as long as `weight_decay=0`") == 2
    assert "only SGD and Adagrad accept sparse gradients, and only with `weight_decay=0`" in text


def test_adamw_with_amsgrad_keeps_three_states():
    assert state_numel("AdamW", amsgrad=True) == (72, 24)
    (row,) = [line for line in page_text().splitlines() if line.startswith("| [AdamW]")]
    assert "| 2 (3 with AMSGrad) |" in row


def test_lbfgs_keeps_one_state_for_all_its_parameters():
    a, b = torch.randn(3, requires_grad=True), torch.randn(2, 2, requires_grad=True)
    optimizer = O.LBFGS([a, b], max_iter=4)

    def closure():
        optimizer.zero_grad()
        loss = (a**2).sum() + (b**2).sum()
        loss.backward()
        return loss

    optimizer.step(closure)
    assert list(optimizer.state) == [a]  # the whole state sits under the first parameter
    state = optimizer.state[a]
    assert state["d"].numel() == a.numel() + b.numel()
    assert all(v.numel() == 7 for v in state["old_dirs"] + state["old_stps"])
    assert "one state for all parameters" in page_text()


@pytest.mark.filterwarnings("ignore:Sparse invariant checks")
def test_sparse_adam_counts_steps_per_parameter():
    first, second = torch.nn.Embedding(4, 2, sparse=True), torch.nn.Embedding(4, 2, sparse=True)
    optimizer = O.SparseAdam([*first.parameters(), *second.parameters()])
    for step in range(3):
        optimizer.zero_grad()
        loss = first(torch.tensor([step])).sum()
        if step == 0:
            loss = loss + second(torch.tensor([0])).sum()
        loss.backward()
        optimizer.step()
    assert int(optimizer.state[first.weight]["step"]) == 3  # not per row: rows 0, 1, 2 were each used once
    assert int(optimizer.state[second.weight]["step"]) == 1  # nor per optimizer step
    assert "one count per parameter, not per row" in " ".join(page_text().split())


def test_adafactor_clamps_the_mean_of_the_row_averages_at_eps1():
    """With tiny gradients mean(R) < eps1: torch divides by eps1, as the page's formula says
    (d is huge so that the clipping does not hide the scale of the update)."""
    gen = torch.Generator().manual_seed(0)
    kw = dict(lr=0.1, eps=(1e-6, 1e-3), d=1e6)
    start = torch.randn(4, 3, generator=gen, dtype=F64)
    g = 1e-4 * torch.randn(4, 3, generator=gen, dtype=F64)
    p = start.clone().requires_grad_(True)
    optimizer = O.Adafactor([p], **kw)
    p.grad = g.clone()
    optimizer.step()
    R, C = (g * g).mean(dim=1, keepdim=True), (g * g).mean(dim=0, keepdim=True)  # beta2_1 = 0
    assert R.mean() < 1e-6
    torch.testing.assert_close(p.detach(), adafactor_rule(**kw)(start, g, 1, {}))
    alpha = max(1e-3, start.pow(2).mean().sqrt().item()) * 0.1
    unclamped = start - alpha * g / (R * C / R.mean()).sqrt().clamp(min=1e-6)
    assert (p.detach() - unclamped).abs().max() > 0.1 * (start - unclamped).abs().max()
    assert r"\max\left(\operatorname{mean}(R_t),\ \epsilon_1\right)" in page_text()


def test_rosenbrock_figure_alt_texts_state_what_the_data_shows():
    from plots.families import optimizers as fam

    text = page_text()
    (paths_alt,) = re.findall(r"!\[([^\]]+)\]\(\.\./figures/optimizers/trajectories\.svg\)", text)
    (loss_alt,) = re.findall(r"!\[([^\]]+)\]\(\.\./figures/optimizers/loss-curves\.svg\)", text)
    data = {label: path for (label, _, _), path in zip(fam.OPTIMIZERS, fam.trajectories_data())}
    for label, (xs, ys, losses) in data.items():
        assert f"({xs[-1]:.2f}, {ys[-1]:.2f})".replace("-0.00", "0.00") in paths_alt, label
        assert f"{losses[-1]:.2g}" in loss_alt, label
    assert f"all starting at {data['SGD'][2][0]:.1f}" in loss_alt
    assert f"y = {max(data['Adagrad'][1]):.0f}" in paths_alt  # Adagrad's first step jumps to y = 2
    assert abs(data["SGD + momentum"][0][-1] - 1) > 0.05  # "short of the minimum"

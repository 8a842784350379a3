"""Checks for docs/autograd.md."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from tests.checks import assert_defaults

SNIPPETS = Path(__file__).resolve().parents[1] / "snippets" / "autograd"


def bce_by_hand(z, y):
    p = torch.sigmoid(z)
    return -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).sum() / z.numel()


def test_first_gradient_formula():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    out = (3 * (x + 2) ** 2).mean()
    out.backward()
    assert out.item() == 50.0
    torch.testing.assert_close(x.grad, 2 * (x.detach() + 2))
    # first-order meaning of a gradient entry
    t = 1e-3
    x2 = x.detach().clone()
    x2[1] += t
    change = (3 * (x2 + 2) ** 2).mean() - out.detach()
    assert abs(change.item() - x.grad[1].item() * t) < 1e-3 * t * 10


def test_bce_formula_and_reduction_default():
    assert_defaults(F.binary_cross_entropy_with_logits, reduction="mean")
    torch.manual_seed(0)
    for n in (3, 7):
        z = torch.randn(n) * 2
        y = torch.randint(0, 2, (n,)).float()
        torch.testing.assert_close(F.binary_cross_entropy_with_logits(z, y), bce_by_hand(z, y))
    # the fused version is stable where the naive formula hits log(0)
    z, y = torch.tensor([40.0]), torch.tensor([0.0])
    assert torch.isinf(bce_by_hand(z, y))
    torch.testing.assert_close(F.binary_cross_entropy_with_logits(z, y), torch.tensor(40.0))


def test_logistic_snippet_graph_leaves_and_hand_gradient():
    ns = runpy.run_path(str(SNIPPETS / "logistic_graph.py"))
    x, y, w, b, z, loss = (ns[k] for k in ("x", "y", "w", "b", "z", "loss"))
    torch.testing.assert_close(loss, bce_by_hand(z, y))
    assert z.grad_fn.name() == "AddBackward0"
    assert loss.grad_fn.name() == "BinaryCrossEntropyWithLogitsBackward0"
    assert [t.is_leaf for t in (x, w, b, z, loss)] == [True, True, True, False, False]
    assert z.grad_fn.next_functions[1][0].variable is b  # AccumulateGrad node of leaf b

    names = []

    def walk(fn, depth=0):
        names.append((depth, fn.name()))
        for nxt, _ in fn.next_functions:
            if nxt is not None:
                walk(nxt, depth + 1)

    walk(loss.grad_fn)
    assert names == [
        (0, "BinaryCrossEntropyWithLogitsBackward0"),
        (1, "AddBackward0"),
        (2, "SqueezeBackward4"),
        (3, "MmBackward0"),
        (4, "torch::autograd::AccumulateGrad"),
        (2, "torch::autograd::AccumulateGrad"),
    ]
    mm = z.grad_fn.next_functions[0][0].next_functions[0][0]
    assert mm.next_functions[0][0] is None  # x needs no gradient
    assert mm.next_functions[1][0].variable is w

    z.retain_grad()
    loss.backward()
    dz = (torch.sigmoid(z.detach()) - y) / 3
    torch.testing.assert_close(z.grad, dz)
    torch.testing.assert_close(b.grad, dz)
    torch.testing.assert_close(w.grad, torch.outer(x, dz))
    assert x.grad is None
    assert w.grad.shape == w.shape and b.grad.shape == b.shape


def test_gradcheck_logistic_loss():
    torch.manual_seed(0)
    x = torch.randn(4, 5, dtype=torch.float64)
    y = torch.randint(0, 2, (4, 3)).double()
    w = torch.randn(5, 3, dtype=torch.float64, requires_grad=True)
    b = torch.randn(3, dtype=torch.float64, requires_grad=True)

    def loss_fn(w, b):
        return F.binary_cross_entropy_with_logits(x @ w + b, y)

    assert torch.autograd.gradcheck(loss_fn, (w, b))
    loss_fn(w, b).backward()
    dz = (torch.sigmoid(x @ w.detach() + b.detach()) - y) / y.numel()
    torch.testing.assert_close(w.grad, x.T @ dz)
    torch.testing.assert_close(b.grad, dz.sum(0))


def test_non_leaf_grad_warns_and_retain_grad():
    a = torch.ones(2, requires_grad=True)
    z = a * 2
    z.sum().backward()
    with pytest.warns(UserWarning):
        assert z.grad is None


def test_requires_grad_rules():
    assert_defaults(torch.Tensor.backward, gradient=None, retain_graph=None)
    with pytest.raises(RuntimeError):
        torch.tensor([1, 2]).requires_grad_(True)
    assert torch.tensor([1j]).requires_grad_(True).requires_grad
    assert_defaults(nn.Parameter, requires_grad=True)
    assert nn.Parameter(torch.zeros(2)).requires_grad


def test_accumulation_and_snippet():
    ns = runpy.run_path(str(SNIPPETS / "accumulate.py"))
    assert ns["a"].grad.item() == 0.0
    a = torch.tensor(2.0, requires_grad=True)
    for k in range(1, 4):
        (a**2).backward()
        assert a.grad.item() == 4.0 * k


def test_zero_grad_sets_none_by_default():
    assert_defaults(torch.optim.Optimizer.zero_grad, set_to_none=True)
    assert_defaults(nn.Module.zero_grad, set_to_none=True)
    model = nn.Linear(3, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    model(torch.ones(2, 3)).sum().backward()
    opt.zero_grad()
    assert all(p.grad is None for p in model.parameters())
    model(torch.ones(2, 3)).sum().backward()
    opt.zero_grad(set_to_none=False)
    assert all(torch.equal(p.grad, torch.zeros_like(p)) for p in model.parameters())
    model.zero_grad()
    assert all(p.grad is None for p in model.parameters())
    runpy.run_path(str(SNIPPETS / "zero_grad.py"))


def test_optimizer_skips_none_but_steps_on_zero_grad():
    p = nn.Parameter(torch.ones(2))
    opt = torch.optim.SGD([p], lr=0.1, weight_decay=0.5)
    p.grad = None
    opt.step()
    assert torch.equal(p.detach(), torch.ones(2))  # skipped
    p.grad = torch.zeros(2)
    opt.step()
    assert not torch.equal(p.detach(), torch.ones(2))  # weight decay still moves it
    # momentum: a zero gradient still moves a parameter with a velocity
    q = nn.Parameter(torch.ones(2))
    opt = torch.optim.SGD([q], lr=0.1, momentum=0.9)
    q.grad = torch.ones(2)
    opt.step()
    before = q.detach().clone()
    q.grad = torch.zeros(2)
    opt.step()
    assert not torch.equal(q.detach(), before)
    # optimizers update under no_grad: parameters stay leaves without history
    assert q.is_leaf and q.grad_fn is None


def test_retain_graph():
    x = torch.tensor(3.0, requires_grad=True)
    y = x.exp() * 2
    y.backward()
    with pytest.raises(RuntimeError, match="backward through the graph a second time"):
        y.backward()
    x.grad = None
    y = x.exp() * 2
    y.backward(retain_graph=True)
    y.backward()
    torch.testing.assert_close(x.grad, 2 * (2 * torch.exp(torch.tensor(3.0))))
    ns = runpy.run_path(str(SNIPPETS / "retain_graph.py"))
    torch.testing.assert_close(ns["x"].grad, 4 * torch.exp(torch.tensor(3.0)))


def test_vector_jacobian_product():
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    with pytest.raises(RuntimeError, match="only for scalar outputs"):
        (x**2).backward()
    torch.manual_seed(0)
    v = torch.randn(3)
    f = lambda t: torch.stack([t[0] * t[1], t[1] ** 2, t.sum().sin()])  # noqa: E731
    f(x).backward(gradient=v)
    J = torch.autograd.functional.jacobian(f, x.detach())
    torch.testing.assert_close(x.grad, J.T @ v)
    x.grad = None
    (x**2).backward(gradient=torch.ones(3))
    torch.testing.assert_close(x.grad, 2 * x.detach())


def test_tracking_off():
    w = torch.randn(3, requires_grad=True)
    with torch.no_grad():
        assert not (w * 2).requires_grad

    @torch.no_grad()
    def f(t):
        return t * 2

    assert not f(w).requires_grad

    with torch.inference_mode():
        inf = w * 2
    assert inf.is_inference() and not inf.requires_grad
    with pytest.raises(RuntimeError, match="Inference tensors"):
        (inf * w).sum().backward()
    with torch.no_grad():
        ng = w * 2
    (ng * w).sum().backward()  # no_grad results may be used in training later
    torch.testing.assert_close(w.grad, ng)

    z = w * 2
    d = z.detach()
    assert not d.requires_grad and d.grad_fn is None and d.data_ptr() == z.data_ptr()
    d[0] = 100.0
    assert z[0].item() == 100.0  # shared memory
    with pytest.raises(RuntimeError):
        z.numpy()
    z.detach().numpy()

    ns = runpy.run_path(str(SNIPPETS / "tracking_off.py"))
    assert not ns["z_det"].requires_grad


def test_no_grad_still_creates_tensors_that_require_grad():
    with torch.no_grad():
        a = torch.ones(2, requires_grad=True)
        assert a.requires_grad and a.is_leaf
        assert not (a * 2).requires_grad  # operations inside are not recorded
    (a * 3).sum().backward()  # tracked once the block ends
    assert torch.equal(a.grad, torch.full((2,), 3.0))


def test_inference_tensor_only_fails_when_autograd_must_save_it():
    w = torch.ones(2, requires_grad=True)
    with torch.inference_mode():
        t = torch.full((2,), 2.0)
    (t + w).sum().backward()  # an addition saves neither input
    assert torch.equal(w.grad, torch.ones(2))
    with pytest.raises(RuntimeError, match="cannot be saved for backward"):
        t * w  # the product saves t for w's gradient
    normal = t.clone()  # a clone made outside inference mode is an ordinary tensor
    assert not normal.is_inference()
    (normal * w).sum().backward()


def test_requires_grad_after_no_grad_is_new_leaf():
    w = torch.ones(3, requires_grad=True)
    with torch.no_grad():
        z = w * 2
    z.requires_grad_(True)
    assert z.is_leaf
    z.sum().backward()
    assert w.grad is None and torch.equal(z.grad, torch.ones(3))


def test_freezing_parameters():
    net = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
    net[0].requires_grad_(False)
    before = net[0].weight.detach().clone()
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    net(torch.ones(1, 2)).sum().backward()
    opt.step()
    assert net[0].weight.grad is None
    assert torch.equal(net[0].weight, before)
    assert net[1].weight.grad is not None


def test_in_place_errors():
    x = torch.ones(3, requires_grad=True)
    y = x.exp()
    y.add_(1)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        y.sum().backward()
    with pytest.raises(RuntimeError, match="leaf Variable that requires grad"):
        x.add_(1)
    with torch.no_grad():
        x.add_(1)  # fine inside no_grad


def test_custom_function():
    class Square(torch.autograd.Function):
        @staticmethod
        def forward(ctx, t):
            ctx.save_for_backward(t)
            return t * t

        @staticmethod
        def backward(ctx, grad_out):
            (t,) = ctx.saved_tensors
            return 2 * t * grad_out

    t = torch.randn(4, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(Square.apply, (t,))

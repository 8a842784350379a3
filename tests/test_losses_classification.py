"""Checks for docs/losses/classification.md.

Every formula on the page is written out by hand below (in float64) and compared
with the torch module for every reduction and the options the page discusses
(class weights, ignore_index, label smoothing, probability targets, pos_weight,
log_target, batchmean). Every default the page states is compared with the
signature, every numeric and behavioural claim is recomputed, and every figure's
data is compared with the module call it claims to draw.
"""

from __future__ import annotations

import inspect
import math
import re
import warnings
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from torch.testing import assert_close

from tests.checks import assert_defaults

PAGE = Path(__file__).resolve().parent.parent / "docs" / "losses" / "classification.md"
MODULES = [
    "CrossEntropyLoss",
    "NLLLoss",
    "NLLLoss2d",
    "BCELoss",
    "BCEWithLogitsLoss",
    "KLDivLoss",
    "MultiLabelSoftMarginLoss",
    "LinearCrossEntropyLoss",
]
F64 = torch.float64
REDUCTIONS = ("none", "mean", "sum")


def page() -> str:
    return PAGE.read_text(encoding="utf-8")


def reduce(per_sample: torch.Tensor, reduction: str, denominator=None) -> torch.Tensor:
    if reduction == "none":
        return per_sample
    if reduction == "sum":
        return per_sample.sum()
    return per_sample.sum() / (per_sample.numel() if denominator is None else denominator)


@pytest.fixture
def batch():
    g = torch.Generator().manual_seed(0)
    N, C = 7, 4
    x = torch.randn(N, C, generator=g, dtype=F64) * 2
    y = torch.randint(0, C, (N,), generator=g)
    w = torch.rand(C, generator=g, dtype=F64) + 0.5
    return x, y, w


# -- the page itself -----------------------------------------------------------------


def test_every_classification_loss_has_its_section():
    headings = re.findall(r"^## (\w+)$", page(), flags=re.M)
    assert headings == MODULES
    losses = {name for name in dir(nn) if name.endswith("Loss") or name == "NLLLoss2d"}
    assert set(MODULES) <= losses


def test_defaults():
    assert_defaults(nn.CrossEntropyLoss, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean", label_smoothing=0.0)
    assert_defaults(nn.NLLLoss, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean")
    # NLLLoss2d's class signature is hidden by the deprecation wrapper: check __init__.
    assert_defaults(nn.NLLLoss2d.__init__, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean")
    assert_defaults(nn.BCELoss, weight=None, size_average=None, reduce=None, reduction="mean")
    assert_defaults(nn.BCEWithLogitsLoss, weight=None, size_average=None, reduce=None, reduction="mean", pos_weight=None)
    assert_defaults(nn.KLDivLoss, size_average=None, reduce=None, reduction="mean", log_target=False)
    assert_defaults(nn.MultiLabelSoftMarginLoss, weight=None, size_average=None, reduce=None, reduction="mean")
    assert_defaults(
        nn.LinearCrossEntropyLoss,
        out_features=(),
        bias=False,
        device=None,
        dtype=None,
        reduction="mean",
        weight=None,
        ignore_index=None,
        label_smoothing=0.0,
        options=None,
    )


def test_signatures_shown_on_the_page_match_torch():
    text = page()
    for name in MODULES[:-1]:
        shown = re.search(rf"\| Signature \| `nn\.{name}\(([^`]*)\)` \|", text).group(1)
        cls = getattr(nn, name)
        params = inspect.signature(cls.__init__ if name == "NLLLoss2d" else cls).parameters
        actual = ", ".join(f"{p.name}={p.default!r}" for p in params.values() if p.name != "self")
        assert shown == actual, name


def test_linear_cross_entropy_arguments():
    params = inspect.signature(nn.LinearCrossEntropyLoss).parameters
    names = list(params)
    assert names[:2] == ["in_features", "num_classes"]
    assert all(params[n].default is inspect.Parameter.empty for n in names[:2])
    assert all(params[n].kind is inspect.Parameter.KEYWORD_ONLY for n in names[2:])
    table = {m.group(1) for m in re.finditer(r"^\| `(\w+)`", page(), flags=re.M)}
    assert set(names) - {"device", "dtype"} <= table


# -- CrossEntropyLoss ----------------------------------------------------------------


def ce_by_hand(x, y, weight=None, ignore_index=-100, eps=0.0):
    """Per-sample losses and the mean's denominator, class-index targets, as on the page."""
    C = x.shape[1]
    w = torch.ones(C, dtype=x.dtype) if weight is None else weight
    keep = y != ignore_index
    ys = torch.where(keep, y, 0)
    log_p = x.log_softmax(dim=1)
    nll = -log_p.gather(1, ys.unsqueeze(1)).squeeze(1)
    smooth = -(w * log_p).sum(dim=1) / C
    per = (1 - eps) * w[ys] * nll + eps * smooth
    per = torch.where(keep, per, torch.zeros_like(per))
    return per, (w[ys] * keep).sum()


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("eps", [0.0, 0.1, 0.3])
def test_cross_entropy_formula(batch, reduction, weighted, eps):
    x, y, w = batch
    weight = w if weighted else None
    per, denominator = ce_by_hand(x, y, weight, eps=eps)
    torch_loss = nn.CrossEntropyLoss(weight=weight, reduction=reduction, label_smoothing=eps)(x, y)
    assert_close(torch_loss, reduce(per, reduction, denominator))


def test_cross_entropy_is_log_sum_exp_minus_true_logit(batch):
    x, y, _ = batch
    per = torch.logsumexp(x, dim=1) - x[torch.arange(len(y)), y]
    assert_close(nn.CrossEntropyLoss(reduction="none")(x, y), per)
    assert_close(nn.CrossEntropyLoss()(x, y), nn.NLLLoss()(nn.LogSoftmax(dim=1)(x), y))


def test_weighted_mean_divides_by_the_weights_of_the_targets(batch):
    x, y, w = batch
    per = nn.CrossEntropyLoss(reduction="none")(x, y)
    loss = nn.CrossEntropyLoss(weight=w)(x, y)
    assert_close(loss, (w[y] * per).sum() / w[y].sum())
    assert not torch.isclose(loss, (w[y] * per).mean())
    # 'none' returns the weighted per-sample losses
    assert_close(nn.CrossEntropyLoss(weight=w, reduction="none")(x, y), w[y] * per)


@pytest.mark.parametrize("weighted", [False, True])
def test_ignore_index(batch, weighted):
    x, y, w = batch
    weight = w if weighted else None
    y = y.clone()
    y[[1, 4]] = -100
    per, denominator = ce_by_hand(x, y, weight)
    assert_close(nn.CrossEntropyLoss(weight=weight)(x, y), per.sum() / denominator)
    assert_close(nn.CrossEntropyLoss(weight=weight, reduction="none")(x, y), per)
    # a custom ignore_index works the same way
    y2 = torch.where(y == -100, 3, y)
    per2, den2 = ce_by_hand(x, y2, weight, ignore_index=3)
    assert_close(nn.CrossEntropyLoss(weight=weight, ignore_index=3)(x, y2), per2.sum() / den2)


def test_ignored_targets_get_no_gradient_and_all_ignored_is_nan(batch):
    x, y, _ = batch
    x = x.clone().requires_grad_(True)
    y = y.clone()
    y[[0, 2]] = -100
    nn.CrossEntropyLoss()(x, y).backward()
    assert torch.all(x.grad[[0, 2]] == 0)
    assert torch.all(x.grad[1] != 0)
    assert torch.isnan(nn.CrossEntropyLoss()(x, torch.full_like(y, -100)))


def test_target_form_is_decided_by_shape(batch):
    x, y, _ = batch
    with pytest.raises(RuntimeError, match="Expected floating point type for target with class probabilities"):
        nn.CrossEntropyLoss()(x, torch.randint(0, 4, x.shape))
    with pytest.raises(RuntimeError, match="expected target dtype to be Long"):
        nn.CrossEntropyLoss()(x, y.to(F64))


def test_ignore_index_rejected_for_probability_targets(batch):
    x, y, _ = batch
    probs = F.one_hot(y, 4).to(F64)
    nn.CrossEntropyLoss()(x, probs)  # the default -100 is accepted
    with pytest.raises(RuntimeError, match="ignore_index is not supported for floating point target"):
        nn.CrossEntropyLoss(ignore_index=0)(x, probs)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("eps", [0.0, 0.2])
def test_probability_targets(batch, reduction, weighted, eps):
    x, _, w = batch
    g = torch.Generator().manual_seed(1)
    target = torch.rand(x.shape, generator=g, dtype=F64).softmax(dim=1)
    weight = w if weighted else None
    ws = torch.ones(4, dtype=F64) if weight is None else weight
    smoothed = (1 - eps) * target + eps / 4
    per = -(ws * smoothed * x.log_softmax(dim=1)).sum(dim=1)
    # the mean divides by N even with class weights
    expected = reduce(per, reduction, len(x))
    assert_close(nn.CrossEntropyLoss(weight=weight, reduction=reduction, label_smoothing=eps)(x, target), expected)


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("eps", [0.0, 0.1])
def test_one_hot_probability_targets_equal_class_indices_unweighted(batch, weighted, eps):
    x, y, w = batch
    one_hot = F.one_hot(y, 4).to(F64)
    if not weighted:
        assert_close(nn.CrossEntropyLoss(label_smoothing=eps)(x, one_hot), nn.CrossEntropyLoss(label_smoothing=eps)(x, y))
    # per sample they agree even with weights (only the mean's denominator differs)
    weight = w if weighted else None
    assert_close(
        nn.CrossEntropyLoss(weight=weight, reduction="none")(x, one_hot),
        nn.CrossEntropyLoss(weight=weight, reduction="none")(x, y),
    )


def test_label_smoothing_two_forms(batch):
    x, y, _ = batch
    eps, C = 0.1, 4
    log_p = x.log_softmax(dim=1)
    q = (1 - eps) * F.one_hot(y, C).to(F64) + eps / C
    mixture = (1 - eps) * nn.CrossEntropyLoss(reduction="none")(x, y) + eps * (-log_p).mean(dim=1)
    assert_close(-(q * log_p).sum(dim=1), mixture)
    assert_close(nn.CrossEntropyLoss(label_smoothing=eps, reduction="none")(x, y), mixture)


def test_label_smoothing_minimum():
    from plots.families.losses_classification import best_logit

    assert round(best_logit(5, 0.1), 2) == 3.83 and math.isclose(math.exp(best_logit(5, 0.1)), 46)
    assert round(best_logit(5, 0.2), 2) == 3.04
    for C, eps in [(5, 0.1), (5, 0.2), (3, 0.3), (10, 0.05)]:
        z = torch.tensor(best_logit(C, eps), dtype=F64, requires_grad=True)
        logits = torch.cat([z.reshape(1), torch.zeros(C - 1, dtype=F64)]).unsqueeze(0)
        loss = nn.CrossEntropyLoss(label_smoothing=eps)(logits, torch.tensor([0]))
        (grad,) = torch.autograd.grad(loss, z)
        assert abs(grad.item()) < 1e-12  # a stationary point ...
        assert_close(logits.softmax(dim=1)[0, 0].detach(), torch.tensor(1 - eps + eps / C, dtype=F64))  # ... where p = target
        for dz in (-0.1, 0.1):  # ... and a minimum
            other = torch.cat([(z.detach() + dz).reshape(1), torch.zeros(C - 1, dtype=F64)]).unsqueeze(0)
            assert nn.CrossEntropyLoss(label_smoothing=eps)(other, torch.tensor([0])) > loss


def test_cross_entropy_gradient_is_softmax_minus_one_hot(batch):
    x, y, _ = batch
    x = x.clone().requires_grad_(True)
    nn.CrossEntropyLoss()(x, y).backward()
    assert_close(x.grad, (x.detach().softmax(dim=1) - F.one_hot(y, 4)) / len(y))


def test_cross_entropy_gradient_does_not_vanish_unlike_squared_error_on_probabilities():
    x = torch.tensor([[-10.0, 0.0, 0.0]], dtype=F64, requires_grad=True)
    y = torch.tensor([0])
    (ce_grad,) = torch.autograd.grad(nn.CrossEntropyLoss()(x, y), x)
    (mse_grad,) = torch.autograd.grad(F.mse_loss(x.softmax(dim=1), F.one_hot(y, 3).to(F64)), x)
    assert ce_grad[0, 0] < -0.99
    assert abs(mse_grad[0, 0]) < 1e-4


def test_uniform_guess_costs_log_c():
    for C in (2, 3, 10):
        assert_close(nn.CrossEntropyLoss()(torch.zeros(4, C), torch.zeros(4, dtype=torch.long)), torch.tensor(math.log(C)))
    assert round(math.log(3), 3) == 1.099


def test_cross_entropy_shapes():
    g = torch.Generator().manual_seed(0)
    none = nn.CrossEntropyLoss(reduction="none")
    x = torch.randn(2, 5, 3, 4, generator=g, dtype=F64)
    y = torch.randint(0, 5, (2, 3, 4), generator=g)
    assert none(x, y).shape == (2, 3, 4)
    probs = torch.rand(2, 5, 3, 4, generator=g, dtype=F64).softmax(dim=1)
    assert none(x, probs).shape == (2, 3, 4)  # the input's shape without C
    flat = x.permute(0, 2, 3, 1).reshape(-1, 5)
    assert_close(nn.CrossEntropyLoss()(x, y), nn.CrossEntropyLoss()(flat, y.reshape(-1)))
    assert none(torch.randn(5), torch.tensor(2)).shape == ()


def test_worked_example_numbers():
    row1, row2 = [2.0, 1.0, 0.1], [0.5, 2.0, 0.3]
    s1 = sum(math.exp(v) for v in row1)
    assert [round(math.exp(v), 3) for v in row1] == [7.389, 2.718, 1.105] and round(s1, 3) == 11.213
    l1 = math.log(s1) - 2.0
    assert (round(math.log(s1), 3), round(l1, 3), round(math.exp(-l1), 3)) == (2.417, 0.417, 0.659)
    s2 = sum(math.exp(v) for v in row2)
    assert [round(math.exp(v), 3) for v in row2] == [1.649, 7.389, 1.350]
    l2 = math.log(s2) - 0.3
    assert (round(math.log(s2), 3), round(l2, 3), round(math.exp(-l2), 3)) == (2.341, 2.041, 0.130)
    assert round((l1 + l2) / 2, 3) == 1.229
    torch_loss = nn.CrossEntropyLoss()(torch.tensor([row1, row2], dtype=F64), torch.tensor([0, 2]))
    assert_close(torch_loss, torch.tensor((l1 + l2) / 2, dtype=F64))


# -- NLLLoss and NLLLoss2d -----------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_nll_formula(batch, reduction, weighted):
    x, y, w = batch
    log_p = x.log_softmax(dim=1)
    y = y.clone()
    y[3] = -100
    weight = w if weighted else None
    ws = torch.ones(4, dtype=F64) if weight is None else weight
    keep = y != -100
    ys = torch.where(keep, y, 0)
    per = torch.where(keep, -ws[ys] * log_p[torch.arange(len(y)), ys], torch.zeros(len(y), dtype=F64))
    expected = reduce(per, reduction, (ws[ys] * keep).sum())
    assert_close(nn.NLLLoss(weight=weight, reduction=reduction)(log_p, y), expected)


def test_nll_does_not_check_its_input_and_has_no_probability_targets(batch):
    x, y, _ = batch
    probs = x.softmax(dim=1)
    assert nn.NLLLoss()(probs, y) < 0  # a meaningless negative "loss"
    assert_close(nn.NLLLoss()(probs, y), -probs[torch.arange(len(y)), y].mean())
    with pytest.raises(RuntimeError):
        nn.NLLLoss()(x.log_softmax(dim=1), F.one_hot(y, 4).to(F64))
    assert "label_smoothing" not in inspect.signature(nn.NLLLoss).parameters


def test_nll_spatial_input():
    g = torch.Generator().manual_seed(0)
    log_p = torch.randn(2, 3, 4, 4, generator=g, dtype=F64).log_softmax(dim=1)
    y = torch.randint(0, 3, (2, 4, 4), generator=g)
    picked = -log_p.gather(1, y.unsqueeze(1)).squeeze(1)
    assert_close(nn.NLLLoss(reduction="none")(log_p, y), picked)


def test_nllloss2d_is_a_deprecated_alias():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        old = nn.NLLLoss2d(ignore_index=1, reduction="sum")
    assert [w.category for w in caught] == [FutureWarning]
    assert "deprecated" in str(caught[0].message)
    assert isinstance(old, nn.NLLLoss) and nn.NLLLoss2d.__mro__[1] is nn.NLLLoss
    assert nn.NLLLoss2d.forward is nn.NLLLoss.forward
    g = torch.Generator().manual_seed(0)
    log_p = torch.randn(2, 3, 4, 4, generator=g).log_softmax(dim=1)
    y = torch.randint(0, 3, (2, 4, 4), generator=g)
    assert_close(old(log_p, y), nn.NLLLoss(ignore_index=1, reduction="sum")(log_p, y))


# -- BCELoss and BCEWithLogitsLoss ---------------------------------------------------


@pytest.fixture
def binary():
    g = torch.Generator().manual_seed(2)
    x = torch.randn(5, 3, generator=g, dtype=F64) * 3
    y = torch.rand(5, 3, generator=g, dtype=F64).round()
    y[0] = torch.tensor([0.3, 0.7, 0.5])  # soft labels are allowed
    w = torch.rand(5, 3, generator=g, dtype=F64) + 0.5
    return x, y, w


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_bce_formula(binary, reduction, weighted):
    x, y, w = binary
    p = torch.sigmoid(x)
    weight = w if weighted else None
    ws = 1.0 if weight is None else weight
    per = -ws * (y * p.log().clamp(min=-100) + (1 - y) * (1 - p).log().clamp(min=-100))
    assert_close(nn.BCELoss(weight=weight, reduction=reduction)(p, y), reduce(per, reduction))


def test_bce_clamps_each_log_at_minus_100():
    p = torch.tensor([0.0, 1.0, 1e-60, 0.0], dtype=F64)
    y = torch.tensor([1.0, 0.0, 1.0, 0.5], dtype=F64)
    assert_close(nn.BCELoss(reduction="none")(p, y), torch.tensor([100.0, 100.0, 100.0, 50.0], dtype=F64))
    assert_close(nn.BCELoss(weight=torch.tensor(2.0), reduction="none")(torch.tensor([0.0]), torch.tensor([1.0])), torch.tensor([200.0]))


def test_bce_rejects_input_outside_0_1():
    with pytest.raises(RuntimeError, match="between 0 and 1"):
        nn.BCELoss()(torch.tensor([1.5]), torch.tensor([1.0]))
    with pytest.raises(RuntimeError, match="between 0 and 1"):
        nn.BCELoss()(torch.tensor([-0.1]), torch.tensor([1.0]))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("pos", [None, 3.0, "per class"])
def test_bce_with_logits_formula(binary, reduction, weighted, pos):
    x, y, w = binary
    weight = w if weighted else None
    ws = 1.0 if weight is None else weight
    if pos is None:
        pos_weight, pw = None, 1.0
    elif pos == "per class":  # broadcast against the last dimension: one per class
        pos_weight = pw = torch.tensor([1.0, 2.0, 4.0], dtype=F64)
    else:
        pos_weight = pw = torch.tensor(pos, dtype=F64)
    s = torch.sigmoid(x)
    per = -ws * (pw * y * s.log() + (1 - y) * (1 - s).log())
    module = nn.BCEWithLogitsLoss(weight=weight, reduction=reduction, pos_weight=pos_weight)
    assert_close(module(x, y), reduce(per, reduction))


def test_bce_with_logits_stable_form():
    x = torch.tensor([-500.0, -30.0, -2.0, 0.0, 2.0, 30.0, 500.0], dtype=F64)
    for y in (0.0, 0.3, 1.0):
        t = torch.full_like(x, y)
        stable = x.clamp(min=0) - x * t + torch.log1p(torch.exp(-x.abs()))
        assert_close(nn.BCEWithLogitsLoss(reduction="none")(x, t), stable)
        assert torch.isfinite(stable).all()


def test_bce_with_logits_equals_bce_after_sigmoid_for_moderate_logits(binary):
    x, y, _ = binary
    assert_close(nn.BCEWithLogitsLoss()(x, y), nn.BCELoss()(torch.sigmoid(x), y))


def test_sigmoid_then_bce_breaks_in_float32():
    # sigmoid(x) rounds to exactly 1 just above x = 16.6 ...
    assert torch.sigmoid(torch.tensor(16.6)).item() < 1.0
    assert torch.sigmoid(torch.tensor(16.7)).item() == 1.0
    assert torch.sigmoid(torch.tensor(20.0)).item() == 1.0
    # ... and underflows to 0 just below x = -88.7
    assert torch.sigmoid(torch.tensor(-88.7)).item() > 0.0
    assert torch.sigmoid(torch.tensor(-88.8)).item() == 0.0
    for x, y, exact in [(20.0, 0.0, 20.0), (-90.0, 1.0, 90.0)]:
        xs = torch.tensor([x], requires_grad=True)
        t = torch.tensor([y])
        two_steps = nn.BCELoss()(torch.sigmoid(xs), t)
        (g2,) = torch.autograd.grad(two_steps, xs)
        fused = nn.BCEWithLogitsLoss()(xs, t)
        (g1,) = torch.autograd.grad(fused, xs)
        assert two_steps.item() == 100.0 and g2.item() == 0.0
        assert_close(fused.detach(), torch.tensor(exact))
        assert_close(g1, torch.tensor([1.0 if y == 0 else -1.0]))


def test_pos_weight_example():
    assert 300 / 100 == 3
    # pos_weight multiplies the positives' loss only
    x = torch.tensor([0.7, -0.2], dtype=F64)
    y = torch.tensor([1.0, 0.0], dtype=F64)
    plain = nn.BCEWithLogitsLoss(reduction="none")(x, y)
    weighted = nn.BCEWithLogitsLoss(reduction="none", pos_weight=torch.tensor(3.0, dtype=F64))(x, y)
    assert_close(weighted, torch.stack([3 * plain[0], plain[1]]))


# -- KLDivLoss -----------------------------------------------------------------------


@pytest.fixture
def distributions():
    g = torch.Generator().manual_seed(3)
    log_q = torch.randn(4, 5, generator=g, dtype=F64).log_softmax(dim=1)
    p = torch.randn(4, 5, generator=g, dtype=F64).softmax(dim=1)
    p[0, 1] = 0.0  # a zero target probability contributes 0
    p[0] = p[0] / p[0].sum()
    return log_q, p


def kl_by_hand(log_q, p):
    return torch.where(p > 0, p * (p.log() - log_q), torch.zeros_like(p))


@pytest.mark.parametrize("reduction", ["none", "sum", "batchmean", "mean"])
@pytest.mark.parametrize("log_target", [False, True])
def test_kl_div_formula(distributions, reduction, log_target):
    log_q, p = distributions
    L = kl_by_hand(log_q, p)
    expected = {"none": L, "sum": L.sum(), "batchmean": L.sum() / log_q.shape[0], "mean": L.sum() / L.numel()}[reduction]
    if log_target:  # a log-target of -inf gives nan: keep the zero out of this case
        p = p.clamp(min=1e-3) / p.clamp(min=1e-3).sum(dim=1, keepdim=True)
        L = kl_by_hand(log_q, p)
        expected = {"none": L, "sum": L.sum(), "batchmean": L.sum() / log_q.shape[0], "mean": L.sum() / L.numel()}[reduction]
    target = p.log() if log_target else p
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert_close(nn.KLDivLoss(reduction=reduction, log_target=log_target)(log_q, target), expected)
    if log_target:  # e^t (t - x)
        t = p.log()
        assert_close(
            torch.where(p > 0, t.exp() * (t - log_q), torch.zeros_like(p)), nn.KLDivLoss(reduction="none", log_target=True)(log_q, t)
        )


def test_kl_zero_target_contributes_zero_but_minus_infinity_log_target_is_nan(distributions):
    log_q, p = distributions
    assert nn.KLDivLoss(reduction="none")(log_q, p)[0, 1] == 0
    with_log = nn.KLDivLoss(reduction="none", log_target=True)(log_q, p.log())
    assert torch.isnan(with_log[0, 1]) and torch.isfinite(with_log[1]).all()


def test_kl_batchmean_is_the_divergence_per_sample(distributions):
    log_q, p = distributions
    per_sample = (p * (p.log() - log_q)).nansum(dim=1)
    assert_close(nn.KLDivLoss(reduction="batchmean")(log_q, p), per_sample.mean())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert_close(nn.KLDivLoss()(log_q, p), per_sample.mean() / log_q.shape[1])


def test_kl_default_mean_warns(distributions):
    log_q, p = distributions
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nn.KLDivLoss()(log_q, p)
    assert [w.category for w in caught] == [UserWarning]
    assert "batchmean" in str(caught[0].message)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nn.KLDivLoss(reduction="batchmean")(log_q, p)


def test_kl_batchmean_of_one_unbatched_distribution_divides_by_c(distributions):
    log_q, p = distributions
    single = nn.KLDivLoss(reduction="batchmean")(log_q[1], p[1])
    assert_close(single, kl_by_hand(log_q[1], p[1]).sum() / 5)


def test_cross_entropy_is_entropy_plus_kl(distributions):
    log_q, p = distributions
    ce = nn.CrossEntropyLoss()(log_q, p)
    entropy = -(p * p.log()).nansum(dim=1).mean()
    assert_close(ce - entropy, nn.KLDivLoss(reduction="batchmean")(log_q, p))
    # same gradients with respect to the model's logits
    logits = log_q.clone().requires_grad_(True)
    (g_ce,) = torch.autograd.grad(nn.CrossEntropyLoss()(logits, p), logits)
    (g_kl,) = torch.autograd.grad(nn.KLDivLoss(reduction="batchmean")(logits.log_softmax(dim=1), p), logits)
    assert_close(g_ce, g_kl)


def test_kl_is_asymmetric(distributions):
    log_q, p = distributions
    q = log_q.exp()
    p = p.clamp(min=1e-6)
    forward = nn.KLDivLoss(reduction="batchmean")(log_q, p)
    backward = nn.KLDivLoss(reduction="batchmean")(p.log(), q)
    assert not torch.isclose(forward, backward)


# -- MultiLabelSoftMarginLoss --------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_multilabel_soft_margin_formula(binary, reduction, weighted):
    x, y, _ = binary
    y = y.round()
    weight = torch.tensor([0.5, 1.0, 2.0], dtype=F64) if weighted else None
    ws = 1.0 if weight is None else weight
    per = -(ws * (y * F.logsigmoid(x) + (1 - y) * F.logsigmoid(-x))).mean(dim=1)
    assert_close(nn.MultiLabelSoftMarginLoss(weight=weight, reduction=reduction)(x, y), reduce(per, reduction))


def test_multilabel_soft_margin_versus_bce_with_logits(binary):
    x, y, _ = binary
    y = y.round()
    C = x.shape[1]
    assert_close(nn.MultiLabelSoftMarginLoss()(x, y), nn.BCEWithLogitsLoss()(x, y))
    assert_close(nn.MultiLabelSoftMarginLoss(reduction="sum")(x, y), nn.BCEWithLogitsLoss(reduction="sum")(x, y) / C)
    assert_close(
        nn.MultiLabelSoftMarginLoss(reduction="none")(x, y), nn.BCEWithLogitsLoss(reduction="none")(x, y).mean(dim=1)
    )
    assert nn.MultiLabelSoftMarginLoss(reduction="none")(x, y).shape == (x.shape[0],)
    assert_close(torch.sigmoid(-x), 1 - torch.sigmoid(x))
    # one unbatched sample of shape (C)
    assert_close(nn.MultiLabelSoftMarginLoss()(x[0], y[0]), nn.BCEWithLogitsLoss()(x[0], y[0]))


# -- LinearCrossEntropyLoss ----------------------------------------------------------


@pytest.mark.parametrize("bias", [False, True])
@pytest.mark.parametrize("kwargs", [{}, {"label_smoothing": 0.1}, {"reduction": "sum"}, {"reduction": "none"}, {"weight": "w"}])
def test_linear_cross_entropy_is_linear_then_cross_entropy(bias, kwargs):
    torch.manual_seed(0)
    H, C = 6, 9
    if kwargs.get("weight") == "w":
        kwargs = {"weight": torch.rand(C, dtype=F64) + 0.5}
    loss_fn = nn.LinearCrossEntropyLoss(H, C, bias=bias, dtype=F64, **kwargs)
    assert isinstance(loss_fn.linear, nn.Linear) and loss_fn.linear.weight.shape == (C, H)
    assert (loss_fn.linear.bias is not None) == bias
    h = torch.randn(5, H, dtype=F64)
    y = torch.randint(0, C, (5,))
    y[2] = -100  # ignore_index=None becomes -100 for class indices
    logits = h @ loss_fn.linear.weight.T + (loss_fn.linear.bias if bias else 0)
    assert_close(loss_fn(h, y), F.cross_entropy(logits, y, **kwargs))
    assert_close(loss_fn.linear(h), logits)
    probs = torch.rand(5, C, dtype=F64).softmax(dim=1)
    kwargs.pop("ignore_index", None)
    assert_close(loss_fn(h, probs), F.cross_entropy(logits, probs, **kwargs))
    assert [name for name, _ in loss_fn.named_parameters()] == ["linear.weight"] + (["linear.bias"] if bias else [])


def test_linear_cross_entropy_out_features():
    torch.manual_seed(0)
    loss_fn = nn.LinearCrossEntropyLoss(5, 10, out_features=(4, 3), dtype=F64)
    h = torch.randn(2, 5, dtype=F64)
    y = torch.randint(0, 10, (2, 4, 3))
    W = loss_fn.linear.weight.reshape(10, 4, 3, 5)
    logits = torch.einsum("ni,cdei->ncde", h, W)  # (N, C, d1, d2)
    assert_close(loss_fn(h, y), F.cross_entropy(logits, y))


def test_linear_cross_entropy_input_must_be_1d_or_2d():
    loss_fn = nn.LinearCrossEntropyLoss(5, 10)
    loss_fn(torch.randn(5), torch.tensor(3))
    with pytest.raises(RuntimeError, match="dimensionality 1 or 2"):
        loss_fn(torch.randn(2, 3, 5), torch.randint(0, 10, (2, 3)))


def test_linear_cross_entropy_chunked_path():
    torch.manual_seed(0)
    H, C = 8, 50
    reference = nn.LinearCrossEntropyLoss(H, C)
    options = nn.LinearCrossEntropyOptions(batch_chunk_size=2, chunking_method=None)
    chunked = nn.LinearCrossEntropyLoss(H, C, options=options)
    chunked.load_state_dict(reference.state_dict())
    h = torch.randn(6, H, requires_grad=True)
    y = torch.randint(0, C, (6,))
    a, b = reference(h, y), chunked(h, y)
    assert_close(a, b)
    ga = torch.autograd.grad(a, (h, reference.linear.weight))
    b.backward(retain_graph=True)
    assert_close(h.grad, ga[0])
    assert_close(chunked.linear.weight.grad, ga[1])
    with pytest.raises(RuntimeError):  # a second backward raises ...
        b.backward()
    retain = nn.LinearCrossEntropyLoss(H, C, options=nn.LinearCrossEntropyOptions(allow_retain_graph=True, batch_chunk_size=2, chunking_method=None))
    retain.load_state_dict(reference.state_dict())
    c = retain(h, y)
    c.backward(retain_graph=True)  # ... unless allow_retain_graph=True
    c.backward()


# -- figures -------------------------------------------------------------------------


def test_cross_entropy_figure_data():
    from plots.families.losses_classification import cross_entropy_data

    data = cross_entropy_data()
    p, loss, grad = (torch.tensor(data[k], dtype=F64) for k in ("p", "loss", "grad"))
    assert_close(loss, -p.log())
    assert_close(grad, p - 1)
    z = torch.tensor(data["z"], dtype=F64)
    logits = torch.stack([z, torch.zeros_like(z), torch.zeros_like(z)], dim=1)
    assert_close(loss, nn.CrossEntropyLoss(reduction="none")(logits, torch.zeros(len(z), dtype=torch.long)))
    assert p.min() < 0.01 and p.max() > 0.99


def test_bce_figure_data():
    from plots.families.losses_classification import bce_stability_data

    data = bce_stability_data()
    x = torch.tensor(data["x"])
    y = torch.zeros_like(x)
    assert_close(torch.tensor(data["bce"]), nn.BCELoss(reduction="none")(torch.sigmoid(x), y))
    assert_close(torch.tensor(data["logits"]), nn.BCEWithLogitsLoss(reduction="none")(x, y))
    assert_close(torch.tensor(data["logits_grad"]), torch.sigmoid(x))
    # the jump the caption describes: to 100 with gradient 0, just after x = 16.6
    stuck = x[torch.tensor(data["bce"]) == 100]
    assert 16.6 < stuck.min() < 16.7 and stuck.max() == x.max()
    assert torch.all(torch.tensor(data["bce_grad"])[x > 16.7] == 0)


def test_label_smoothing_figure_data():
    from plots.families.losses_classification import SMOOTHING, best_logit, label_smoothing_data, smoothed_ce_by_hand

    data = label_smoothing_data()
    z = torch.tensor(data["z"], dtype=F64)
    logits = torch.cat([z.unsqueeze(1), torch.zeros(len(z), 4, dtype=F64)], dim=1)
    target = torch.zeros(len(z), dtype=torch.long)
    for eps in SMOOTHING:
        loss = torch.tensor(data["loss"][eps], dtype=F64)
        assert_close(loss, nn.CrossEntropyLoss(reduction="none", label_smoothing=eps)(logits, target))
        assert_close(loss[::40], torch.tensor([smoothed_ce_by_hand(5, eps, v) for v in z[::40].tolist()], dtype=F64))
        if eps == 0:
            assert torch.all(loss[1:] < loss[:-1])  # decreasing forever
        else:
            assert abs(z[loss.argmin()].item() - best_logit(5, eps)) <= 0.05 + 1e-9
    # every curve passes through log C at z = 0 (uniform prediction)
    at_zero = int(z.abs().argmin())
    assert abs(z[at_zero]) < 1e-9
    assert all(math.isclose(data["loss"][eps][at_zero], math.log(5)) for eps in SMOOTHING)


# -- issue 10: BCELoss after a sigmoid, the KLDiv warning, ignore_index ------------------------


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_bce_after_sigmoid_gradient_collapses_below_sigmoid_1e_minus_12(dtype):
    """BCELoss's backward divides by max(p(1 - p), 1e-12): for a positive target the gradient
    dies once sigmoid(x) < 1e-12 (x < -27.6), long before sigmoid underflows."""
    x = torch.tensor([-27.0, -28.0, -30.0, -40.0], dtype=dtype, requires_grad=True)
    y = torch.ones_like(x)
    loss = nn.BCELoss(reduction="none")(torch.sigmoid(x), y)
    (grad,) = torch.autograd.grad(loss.sum(), x)
    assert grad[0].item() == pytest.approx(-1.0, abs=1e-6)
    assert [round(g, 2) for g in grad[1:3].tolist()] == [-0.69, -0.09] and round(grad[2].item(), 3) == -0.094
    assert f"{grad[3].item():.1e}" == "-4.2e-06"
    assert loss.detach().tolist() == pytest.approx([27.0, 28.0, 30.0, 40.0], rel=1e-6)  # the loss is still right
    assert math.log(1e-12) == pytest.approx(-27.63, abs=0.01)  # where sigmoid(x) = 1e-12
    (fused,) = torch.autograd.grad(nn.BCEWithLogitsLoss(reduction="sum")(x, y), x)
    assert_close(fused, torch.full_like(x, -1.0))
    text = page().split("### Why fuse the sigmoid")[1].split("### pos_weight")[0]
    assert "$-0.69$ at $x = -28$, $-0.094$ at\n$-30$, $-4.2 \\times 10^{-6}$ at $-40$" in text and "$-27.6$" in text
    assert torch.sigmoid(torch.tensor(-88.7)) > 0 and torch.sigmoid(torch.tensor(-88.8)) == 0


def _warnings_shown(code: str) -> int:
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return run.stderr.count("UserWarning")


def test_kl_div_mean_warning_shows_once_per_location_it_is_attributed_to():
    setup = "import torch\nfrom torch import nn\nimport torch.nn.functional as F\nx = torch.randn(2, 3).log_softmax(1)\nt = torch.randn(2, 3).softmax(1)\n"
    assert _warnings_shown(setup + "for _ in range(3): nn.KLDivLoss()(x, t)\nnn.KLDivLoss()(x, t)\n") == 1
    assert _warnings_shown(setup + "for _ in range(3): F.kl_div(x, t)\nF.kl_div(x, t)\n") == 2
    assert "appears once per call site" in page() and "once however many places" in page()


@pytest.mark.parametrize("name", ["CrossEntropyLoss", "NLLLoss", "NLLLoss2d", "LinearCrossEntropyLoss"])
def test_with_ignored_targets_mean_is_not_the_mean_of_none(name):
    torch.manual_seed(0)
    x = torch.randn(6, 4).log_softmax(1)
    y = torch.tensor([0, 1, -100, 2, -100, 3])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        make = (lambda **kw: nn.LinearCrossEntropyLoss(4, 4, **kw)) if name == "LinearCrossEntropyLoss" else getattr(nn, name)
        none, mean = make(reduction="none"), make()
    if name == "LinearCrossEntropyLoss":
        mean.load_state_dict(none.state_dict())
    per = none(x, y)
    assert (per[y == -100] == 0).all()
    assert_close(mean(x, y), per.sum() / 4)
    assert not torch.isclose(mean(x, y), per.mean())
    assert "mean of 'none' (zeros kept): tensor(1.0559)" in page()


# -- the figures of the sections -----------------------------------------------------------------


def test_nll_figure_data():
    from plots.families.losses_sections import nll_data

    data = nll_data()
    x = torch.tensor(data["x"], dtype=F64)
    plain, weighted, ignored = data["curves"]
    assert_close(torch.tensor(plain["loss"], dtype=F64), -x)
    assert_close(torch.tensor(weighted["loss"], dtype=F64), -2 * x)
    assert set(ignored["loss"]) == {0.0} and set(ignored["grad"]) == {0.0}
    assert set(plain["grad"]) == {-1.0} and set(weighted["grad"]) == {-2.0}
    assert x[0] == -5 and x[-1] == 0
    nll, nll2d = (sections_of(name) for name in ("NLLLoss", "NLLLoss2d"))
    assert "../figures/losses/nllloss.svg)" in nll and "../figures/losses/nllloss.svg)" in nll2d


def sections_of(name: str) -> str:
    from tests.checks import sections

    return sections(page())[name]


def test_bce_figure_curves():
    from plots.families.losses_sections import bce_data

    data = bce_data()
    p = torch.tensor(data["x"], dtype=F64)
    for curve, y in zip(data["curves"], (1.0, 0.0, 0.3)):
        assert_close(torch.tensor(curve["loss"], dtype=F64), -(y * p.log() + (1 - y) * (1 - p).log()))
        assert_close(torch.tensor(curve["grad"], dtype=F64), (p - y) / (p * (1 - p)))
    soft = data["curves"][2]
    entropy = -(0.3 * math.log(0.3) + 0.7 * math.log(0.7))
    assert soft["mark"] == (0.3, pytest.approx(entropy)) and round(entropy, 3) == 0.611
    assert min(soft["loss"]) >= entropy - 1e-12
    assert round(data["curves"][0]["loss"][0], 1) == 5.3 and p[0].item() == pytest.approx(0.005)
    assert round(data["curves"][0]["loss"][-1], 3) == 0.005 and p[-1].item() == pytest.approx(0.995)
    assert "from 5.3 at p = 0.005 to 0.005 at p = 0.995" in sections_of("BCELoss")
    assert "minimum 0.611 at p = 0.3" in sections_of("BCELoss")


def test_kl_figure_data():
    from plots.families.losses_sections import KL_TARGET, kl_data

    data = kl_data()
    q = torch.tensor(data["x"], dtype=F64)
    P0, P1 = KL_TARGET
    right, log_target, mistake = data["curves"]
    kl = P0 * math.log(P0) - P0 * q.log() + P1 * math.log(P1) - P1 * (1 - q).log()
    assert_close(torch.tensor(right["loss"], dtype=F64), kl)
    assert_close(torch.tensor(log_target["loss"], dtype=F64), kl)
    assert_close(torch.tensor(right["grad"], dtype=F64), -P0 / q + P1 / (1 - q))
    line = P0 * (math.log(P0) - q) + P1 * (math.log(P1) - (1 - q))
    assert_close(torch.tensor(mistake["loss"], dtype=F64), line)
    assert_close(torch.tensor(mistake["grad"], dtype=F64), torch.full_like(q, P1 - P0))
    assert [round(right["loss"][i], 2) for i in (0, -1)] == [0.78, 2.62]
    assert [round(mistake["loss"][i], 2) for i in (0, -1)] == [-1.31, -0.91]
    text = sections_of("KLDivLoss")
    assert "rising to 0.78 at q = 0.01 and 2.6 at q = 0.99" in text and "from −1.31 to −0.91" in text


def test_multilabel_soft_margin_figure_data():
    from plots.families.losses_sections import multilabel_soft_margin_data

    data = multilabel_soft_margin_data()
    x = torch.tensor(data["x"], dtype=F64)
    one, zero, four = (({k: torch.tensor(c[k], dtype=F64) for k in ("loss", "grad")}) for c in data["curves"])
    assert_close(one["loss"], F.softplus(-x))
    assert_close(zero["loss"], F.softplus(x))
    assert_close(four["loss"], (F.softplus(-x) + 3 * math.log(2)) / 4)
    assert_close(one["grad"], torch.sigmoid(x) - 1)
    assert_close(zero["grad"], torch.sigmoid(x))
    assert_close(four["grad"], (torch.sigmoid(x) - 1) / 4)
    assert round(3 * math.log(2) / 4, 2) == 0.52
    assert (round(one["loss"][0].item(), 1), round(one["loss"][-1].item(), 4)) == (6.0, 0.0025)
    assert "falls from 6.0 to 0.0025 for y = 1" in sections_of("MultiLabelSoftMarginLoss")


def test_focal_loss_and_brier_score():
    from plots.families.losses_sections import brier_score, focal_brier_data, focal_loss

    torch.manual_seed(0)
    logits, target = torch.randn(8, 5, dtype=F64), torch.randint(5, (8,))
    assert_close(focal_loss(logits, target, 0.0), nn.CrossEntropyLoss(reduction="none")(logits, target))
    p = logits.softmax(1)[torch.arange(8), target]
    for gamma in (1.0, 2.0, 5.0):
        assert_close(focal_loss(logits, target, gamma), -((1 - p) ** gamma) * p.log())
    one_hot = torch.zeros(8, 5, dtype=F64)
    one_hot[torch.arange(8), target] = 1
    assert_close(brier_score(logits, target), ((logits.softmax(1) - one_hot) ** 2).sum(1))
    assert brier_score(torch.tensor([[-50.0, 50.0]], dtype=F64), torch.tensor([0])).item() == pytest.approx(2.0)
    data = focal_brier_data()
    p = torch.tensor(data["x"], dtype=F64)
    *focal, brier = data["curves"]
    assert_close(torch.tensor(brier["loss"], dtype=F64), 2 * (1 - p) ** 2)
    assert_close(torch.tensor(brier["grad"], dtype=F64), -4 * p * (1 - p) ** 2)
    assert_close(torch.tensor(focal[0]["grad"], dtype=F64), p - 1)
    assert all(-1.1 < c["grad"][0] < -0.99 for c in focal) and abs(brier["grad"][0]) < 0.01
    assert all(round(c["loss"][0]) == 6 for c in focal) and p[0].item() == pytest.approx(0.0025, abs=1e-4)
    text = sections_of("Focal loss and the Brier score")
    assert "../figures/losses/focal-brier.svg)" in text


def test_linear_cross_entropy_figure_data():
    from plots.families.losses_sections import linear_ce_memory_data

    data = linear_ce_memory_data()
    rows, classes = data["rows"], data["classes"]
    assert [r["largest"] for r in data["reference"]] == [n * classes for n in rows]  # the (N, C) logits
    assert {r["largest"] for r in data["chunked"]} == {8 * classes}
    for ref, chunk in zip(data["reference"], data["chunked"]):
        assert chunk["loss"] == pytest.approx(ref["loss"], abs=1e-12)
        assert_close(torch.tensor(chunk["grad"], dtype=F64), torch.tensor(ref["grad"], dtype=F64))
    assert 10.8 < min(r["loss"] for r in data["reference"]) and max(r["loss"] for r in data["reference"]) < 11.3
    text = sections_of("LinearCrossEntropyLoss")
    assert "32,768 to 262,144 elements" in text and "8,192 elements" in text
    assert (rows[0] * classes, rows[-1] * classes, 8 * classes) == (32768, 262144, 8192)


def test_linear_cross_entropy_auto_options_depend_on_device_and_dtype():
    from torch.nn.modules import linear_cross_entropy_options as options

    keys = set(options._AUTO_DEFAULTS)
    assert {dtype for _, dtype in keys} == {torch.float16, torch.bfloat16}  # float32/64 use the fallback
    assert {device for device, _ in keys} == {"cpu", "cuda"}
    assert "(float16 and bfloat16 have\ntheir own)" in sections_of("LinearCrossEntropyLoss")


@pytest.mark.parametrize("classes", [2, 3, 5])
def test_float32_cross_entropy_rounds_to_zero_at_a_lead_of_17(classes):
    def loss_and_grad(z):
        x = torch.zeros(1, classes)
        x[0, 0] = z
        x.requires_grad_(True)
        loss = nn.CrossEntropyLoss()(x, torch.tensor([0]))
        (grad,) = torch.autograd.grad(loss, x)
        return loss.item(), grad.abs().max().item()

    assert loss_and_grad(16.0)[0] > 0
    loss, grad = loss_and_grad(17.0)
    assert loss == 0 and 0 < grad < 1e-7
    assert "at a lead of 17 for up to five\nclasses" in page()

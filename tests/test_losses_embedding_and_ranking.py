"""Checks for docs/losses/embedding-and-ranking.md: every formula, default and claim on the page."""

import inspect
import itertools
import math
import re
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from tests.checks import assert_defaults

PAGE = Path(__file__).resolve().parent.parent / "docs" / "losses" / "embedding-and-ranking.md"
LOSSES = (
    "HingeEmbeddingLoss", "MultiLabelMarginLoss", "SoftMarginLoss", "CosineEmbeddingLoss", "MarginRankingLoss",
    "MultiMarginLoss", "TripletMarginLoss", "TripletMarginWithDistanceLoss", "CTCLoss",
)
REDUCTIONS = ("none", "mean", "sum")
D64 = torch.float64


def reduce(per_item, reduction):
    return {"none": per_item, "mean": per_item.mean(), "sum": per_item.sum()}[reduction]


def pm_ones(*shape):
    return torch.randint(0, 2, shape).to(D64) * 2 - 1


# ---- the page covers its nine modules, with the stated signatures and defaults ---------------------------


def test_page_has_one_section_per_module():
    headings = re.findall(r"^## (\w+)$", PAGE.read_text(), flags=re.M)
    for name in LOSSES:
        assert headings.count(name) == 1, name
        assert issubclass(getattr(nn, name), nn.modules.loss._Loss)


def _parse_default(text):
    return eval(text, {"None": None, "True": True, "False": False})  # literals only: numbers, strings, None


def test_signatures_on_the_page_match_torch():
    rows = re.findall(r"^\| Signature \| `nn\.(\w+)\((.*)\)` \|$", PAGE.read_text(), flags=re.M)
    assert sorted(name for name, _ in rows) == sorted(LOSSES)
    for name, args in rows:
        params = list(inspect.signature(getattr(nn, name)).parameters.values())
        shown = [a.strip() for a in args.split(",")]
        expected = []
        for param in params:
            if param.kind is inspect.Parameter.KEYWORD_ONLY and "*" not in expected:
                expected.append("*")
            expected.append(param.name)
        assert [a.split("=")[0] for a in shown] == expected, name
        for arg in shown:
            if "=" in arg:
                key, value = arg.split("=", 1)
                assert_defaults(getattr(nn, name), **{key: _parse_default(value)})


def test_defaults_stated_in_prose():
    assert_defaults(nn.HingeEmbeddingLoss, margin=1.0, reduction="mean")
    assert_defaults(nn.MultiMarginLoss, p=1, margin=1.0, weight=None, reduction="mean")
    assert_defaults(nn.MarginRankingLoss, margin=0.0)
    assert_defaults(nn.CosineEmbeddingLoss, margin=0.0)
    assert_defaults(nn.TripletMarginLoss, margin=1.0, p=2.0, eps=1e-06, swap=False)
    assert_defaults(nn.TripletMarginWithDistanceLoss, distance_function=None, margin=1.0, swap=False)
    assert_defaults(nn.CTCLoss, blank=0, reduction="mean", zero_infinity=False)
    for name in LOSSES:
        assert_defaults(getattr(nn, name), reduction="mean")
        params = inspect.signature(getattr(nn, name)).parameters
        if "size_average" in params:
            assert_defaults(getattr(nn, name), size_average=None, reduce=None)


def test_triplet_with_distance_arguments_are_keyword_only():
    params = inspect.signature(nn.TripletMarginWithDistanceLoss).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in params)
    with pytest.raises(TypeError):
        nn.TripletMarginWithDistanceLoss(None, 1.0)


# ---- the SVM section -----------------------------------------------------------------------------------

SVM_X = [[1.0, 2.0], [2.0, 3.0], [3.0, 3.5], [2.0, 0.5], [3.0, 1.0], [4.0, 2.0]]
SVM_Y = [1, 1, 1, -1, -1, -1]


def test_exact_svm_solution_quoted_on_the_page():
    """Certify the quoted optimum with the KKT conditions of the soft-margin SVM.

    lam * ||w||^2 + mean(hinge) is, times 1 / (2 lam), SVC's 1/2 ||w||^2 + C * sum(hinge) with
    C = 1 / (2 lam N). (w, b) is optimal when w = sum_i alpha_i y_i x_i and sum_i alpha_i y_i = 0
    for some 0 <= alpha_i <= C that vanish on points with margin > 1.
    """
    X, y = torch.tensor(SVM_X, dtype=D64), torch.tensor(SVM_Y, dtype=D64)
    lam, n = 0.01, len(SVM_Y)
    C = 1 / (2 * lam * n)
    w, b = torch.tensor([-2 / 3, 8 / 9], dtype=D64), -1 / 9
    z = y * (X @ w + b)
    support = [0, 2, 3, 5]
    torch.testing.assert_close(z[support], torch.ones(4, dtype=D64))
    assert (z[[1, 4]] > 1.2).all()
    M = torch.cat([(y[support, None] * X[support]).T, y[support][None]], dim=0)  # 3 equations, 4 alphas
    alpha = torch.linalg.lstsq(M, torch.cat([w, torch.zeros(1, dtype=D64)])[:, None]).solution.flatten()
    torch.testing.assert_close(M @ alpha, torch.cat([w, torch.zeros(1, dtype=D64)]))
    assert (alpha > 0).all() and (alpha <= C).all()
    assert [round(v, 2) for v in w.tolist()] == [-0.67, 0.89] and round(b, 2) == -0.11
    assert 2 / w.norm().item() == pytest.approx(1.8)
    # the snippet's gradient-descent answer (w = (-0.70, 0.91), b = -0.09) is within a few hundredths
    assert (w - torch.tensor([-0.70, 0.91], dtype=D64)).abs().max() < 0.05 and abs(b - -0.09) < 0.05
    # and the four support vectors are the four smallest margins of the snippet's solution
    printed = torch.tensor([1.03, 1.25, 1.00, 1.04, 1.28, 1.07])
    assert sorted(printed.argsort()[:4].tolist()) == support


def test_hinge_gradient_only_from_points_inside_the_margin():
    z = torch.tensor([-1.0, 0.5, 0.99, 1.01, 3.0], dtype=D64, requires_grad=True)
    torch.clamp(1 - z, min=0).sum().backward()
    assert z.grad.tolist() == [-1.0, -1.0, -1.0, 0.0, 0.0]


def test_hinge_forms_in_torch():
    torch.manual_seed(0)
    f, y = torch.randn(20, dtype=D64), pm_ones(20)
    hinge = torch.clamp(1 - y * f, min=0)
    zeros = torch.zeros_like(f)
    torch.testing.assert_close(nn.MarginRankingLoss(margin=1.0, reduction="none")(f, zeros, y), hinge)
    torch.testing.assert_close(nn.MarginRankingLoss(reduction="none")(f, zeros, y), torch.clamp(-y * f, min=0))
    two_scores = torch.stack([zeros, f], dim=1)
    multi = nn.MultiMarginLoss(reduction="none")(two_scores, ((y + 1) / 2).long())
    torch.testing.assert_close(2 * multi, hinge)
    torch.testing.assert_close(nn.SoftMarginLoss(reduction="none")(f, y), torch.log1p(torch.exp(-y * f)))


def test_no_module_called_hinge_loss():
    assert not hasattr(nn, "HingeLoss")


# ---- SoftMarginLoss ------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_soft_margin_formula(reduction):
    torch.manual_seed(1)
    x, y = torch.randn(3, 4, 5, dtype=D64), pm_ones(3, 4, 5)
    hand = reduce(torch.log(1 + torch.exp(-y * x)), reduction)  # mean over all 60 elements
    torch.testing.assert_close(nn.SoftMarginLoss(reduction=reduction)(x, y), hand)


def test_soft_margin_is_bce_with_logits_and_stable():
    torch.manual_seed(2)
    x, y = torch.randn(50, dtype=D64) * 5, pm_ones(50)
    torch.testing.assert_close(nn.SoftMarginLoss()(x, y), nn.BCEWithLogitsLoss()(x, (y + 1) / 2))
    torch.testing.assert_close(nn.SoftMarginLoss()(x, y), -F.logsigmoid(y * x).mean())
    # float32 overflow below y * x = -88 (inf loss, nan gradient); BCEWithLogitsLoss stays finite
    big = torch.tensor([-80.0, -89.0, -1000.0], requires_grad=True)
    loss = nn.SoftMarginLoss(reduction="none")(big, torch.ones(3))
    loss.sum().backward()
    assert loss[0].item() == pytest.approx(80.0) and torch.isinf(loss[1:]).all() and torch.isnan(big.grad[1:]).all()
    stable = nn.BCEWithLogitsLoss(reduction="none")(big.detach(), torch.ones(3))
    torch.testing.assert_close(stable, torch.tensor([80.0, 89.0, 1000.0]))
    # never exactly zero for finite scores, with a gradient everywhere
    z = torch.tensor([0.0, 5.0, 20.0], dtype=D64, requires_grad=True)
    loss = nn.SoftMarginLoss(reduction="none")(z, torch.ones(3, dtype=D64))
    loss.sum().backward()
    assert (loss > 0).all() and (z.grad < 0).all()


# ---- MultiMarginLoss -----------------------------------------------------------------------------------


def multi_margin_by_hand(x, y, p=1, margin=1.0, weight=None):
    n, c = x.shape
    out = torch.zeros(n, dtype=x.dtype)
    for i in range(n):
        for j in range(c):
            if j != y[i]:
                term = max(0.0, margin - x[i, y[i]].item() + x[i, j].item()) ** p
                out[i] += term * (1.0 if weight is None else weight[y[i]].item())
    return out / c


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("p,margin", [(1, 1.0), (2, 1.0), (1, 0.5), (2, 2.0)])
def test_multi_margin_formula(reduction, p, margin):
    torch.manual_seed(3)
    x, y = torch.randn(6, 5, dtype=D64), torch.randint(0, 5, (6,))
    w = torch.rand(5, dtype=D64) + 0.1
    for weight in (None, w):
        hand = reduce(multi_margin_by_hand(x, y, p, margin, weight), reduction)
        loss = nn.MultiMarginLoss(p=p, margin=margin, weight=weight, reduction=reduction)(x, y)
        torch.testing.assert_close(loss, hand)


def test_multi_margin_details():
    torch.manual_seed(4)
    x, y = torch.randn(6, 5), torch.randint(0, 5, (6,))
    w = torch.rand(5) + 0.1
    per_sample = nn.MultiMarginLoss(weight=w, reduction="none")(x, y)
    weighted = nn.MultiMarginLoss(weight=w)(x, y)
    torch.testing.assert_close(weighted, per_sample.mean())  # plain mean over N ...
    assert not torch.allclose(weighted, per_sample.sum() / w[y].sum())  # ... not a weighted mean
    with pytest.raises(ValueError):
        nn.MultiMarginLoss(p=3)(x, y)
    one = nn.MultiMarginLoss(reduction="none")(x[0], y[0])  # (C) input, () target
    assert one.shape == () and torch.allclose(one, per_sample[0] / w[y[0]])
    # the snippet's numbers: shortfalls 0.3, 0.4, 0.6 over C = 4
    scores = torch.tensor([[0.1, 0.2, 0.4, 0.8]] * 2, dtype=D64)
    torch.testing.assert_close(nn.MultiMarginLoss(reduction="none")(scores, torch.tensor([3, 0])),
                               torch.tensor([1.3 / 4, 4.1 / 4], dtype=D64))


# ---- MultiLabelMarginLoss ------------------------------------------------------------------------------


def multilabel_margin_by_hand(x, target):
    n, c = x.shape
    out = torch.zeros(n, dtype=x.dtype)
    for i in range(n):
        labels = []
        for t in target[i].tolist():
            if t < 0:
                break
            labels.append(t)
        others = [k for k in range(c) if k not in labels]
        for j in labels:
            for k in others:
                out[i] += max(0.0, 1 - (x[i, j] - x[i, k]).item())
    return out / c


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_multilabel_margin_formula(reduction):
    torch.manual_seed(5)
    x = torch.randn(5, 6, dtype=D64)
    target = torch.full((5, 6), -1)
    target[0, :2] = torch.tensor([4, 1])
    target[1, :1] = torch.tensor([0])
    target[2, :3] = torch.tensor([5, 2, 3])
    target[3, :2] = torch.tensor([2, 0])
    target[3, 3:] = torch.tensor([1, 4, 5])  # after the first -1: ignored
    target[4] = torch.tensor([0, 1, 2, 3, 4, 5])  # no -1: every class is a label
    hand = multilabel_margin_by_hand(x, target)
    assert hand[4] == 0
    torch.testing.assert_close(nn.MultiLabelMarginLoss(reduction=reduction)(x, target), reduce(hand, reduction))


def test_multilabel_margin_target_details():
    x = torch.tensor([[0.1, 0.2, 0.4, 0.8]])
    loss = nn.MultiLabelMarginLoss()
    torch.testing.assert_close(loss(x, torch.tensor([[3, 0, -1, 1]])), torch.tensor(0.85))
    torch.testing.assert_close(loss(x, torch.tensor([[3, 0, -1, 2]])), torch.tensor(0.85))  # after -1: ignored
    torch.testing.assert_close(loss(x, torch.tensor([[3, 3, -1, 1]])), 2 * loss(x, torch.tensor([[3, -1, -1, 1]])))
    assert loss(x, torch.tensor([[3, 0, 1, 2]])).item() == 0
    assert nn.MultiLabelMarginLoss(reduction="none")(x[0], torch.tensor([3, 0, -1, 1])).shape == ()
    with pytest.raises(RuntimeError):
        loss(x, torch.tensor([[3.0, 0.0, -1.0, 1.0]]))  # the target must hold integer indices
    assert "margin" not in inspect.signature(nn.MultiLabelMarginLoss).parameters
    assert "weight" not in inspect.signature(nn.MultiLabelMarginLoss).parameters


# ---- MarginRankingLoss ---------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.0, 0.2, 1.0])
def test_margin_ranking_formula(reduction, margin):
    torch.manual_seed(6)
    x1, x2, y = torch.randn(10, dtype=D64), torch.randn(10, dtype=D64), pm_ones(10)
    hand = reduce(torch.clamp(-y * (x1 - x2) + margin, min=0), reduction)
    torch.testing.assert_close(nn.MarginRankingLoss(margin=margin, reduction=reduction)(x1, x2, y), hand)


def test_margin_ranking_claims():
    x1, x2 = torch.tensor([0.8, 0.3, 0.5], dtype=D64), torch.tensor([0.2, 0.6, 0.4], dtype=D64)
    y = torch.tensor([1.0, -1.0, 1.0], dtype=D64)
    torch.testing.assert_close(nn.MarginRankingLoss(margin=0.2, reduction="none")(x1, x2, y),
                               torch.tensor([0.0, 0.0, 0.1], dtype=D64))
    assert nn.MarginRankingLoss()(x1, x2, y).item() == 0  # margin 0: any correct order is free
    shift = nn.MarginRankingLoss(margin=0.2, reduction="none")(x1 + 7, x2 + 7, y)  # only differences matter
    torch.testing.assert_close(shift, torch.tensor([0.0, 0.0, 0.1], dtype=D64))
    assert nn.MarginRankingLoss()(torch.tensor(1.0), torch.tensor(2.0), torch.tensor(1.0)).shape == ()


# ---- HingeEmbeddingLoss --------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [1.0, 2.0])
def test_hinge_embedding_formula(reduction, margin):
    torch.manual_seed(7)
    x, y = torch.rand(4, 5, dtype=D64) * 3, pm_ones(4, 5)
    hand = reduce(torch.where(y == 1, x, torch.clamp(margin - x, min=0)), reduction)
    torch.testing.assert_close(nn.HingeEmbeddingLoss(margin=margin, reduction=reduction)(x, y), hand)


def test_hinge_embedding_warnings():
    loss = nn.HingeEmbeddingLoss(reduction="none")
    x = torch.tensor([0.3, 2.0, -5.0])
    # a label of 0 costs x + max(0, margin - x)
    torch.testing.assert_close(loss(x, torch.zeros(3)), x + torch.clamp(1 - x, min=0))
    # a negative input with y = 1 is a negative loss that keeps falling
    assert loss(torch.tensor([-5.0, -10.0]), torch.ones(2)).tolist() == [-5.0, -10.0]


# ---- CosineEmbeddingLoss -------------------------------------------------------------------------------


def cosine_by_hand(x1, x2):
    return (x1 * x2).sum(-1) / (x1.norm(dim=-1) * x2.norm(dim=-1))


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin", [0.0, 0.5, -0.3])
def test_cosine_embedding_formula(reduction, margin):
    torch.manual_seed(8)
    x1, x2, y = torch.randn(12, 4, dtype=D64), torch.randn(12, 4, dtype=D64), pm_ones(12)
    cos = cosine_by_hand(x1, x2)
    hand = reduce(torch.where(y == 1, 1 - cos, torch.clamp(cos - margin, min=0)), reduction)
    torch.testing.assert_close(nn.CosineEmbeddingLoss(margin=margin, reduction=reduction)(x1, x2, y), hand)


def test_cosine_embedding_claims():
    torch.manual_seed(9)
    x1, x2, y = torch.randn(12, 4, dtype=D64), torch.randn(12, 4, dtype=D64), pm_ones(12)
    loss = nn.CosineEmbeddingLoss(margin=0.5, reduction="none")
    torch.testing.assert_close(loss(3 * x1, 0.2 * x2, y), loss(x1, x2, y))  # length does not matter
    per_pair = nn.CosineEmbeddingLoss(margin=-1.0, reduction="none")(x1, -x1, torch.ones(12, dtype=D64))
    torch.testing.assert_close(per_pair, torch.full((12,), 2.0, dtype=D64))  # the upper end of [0, 2]
    for other in (0.0, 0.5, 2.0):  # any other label: loss 0
        assert (loss(x1, x2, torch.full((12,), other, dtype=D64)) == 0).all()
    assert nn.CosineEmbeddingLoss(reduction="none")(x1[0], x2[0], torch.tensor(1.0)).shape == ()
    # the snippet: the same 45-degree pair costs 1 - cos 45° as similar and cos 45° - 0.5 as dissimilar
    a, b = torch.tensor([[1.0, 0.0]] * 2), torch.tensor([[1.0, 1.0]] * 2)
    torch.testing.assert_close(loss(a, b, torch.tensor([1.0, -1.0])),
                               torch.tensor([1 - math.sqrt(0.5), math.sqrt(0.5) - 0.5]))


# ---- TripletMarginLoss and TripletMarginWithDistanceLoss -----------------------------------------------


def pairwise(x1, x2, p=2.0, eps=1e-6):
    return ((x1 - x2 + eps).abs() ** p).sum(-1) ** (1 / p)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("margin,p,swap", [(1.0, 2.0, False), (1.0, 2.0, True), (0.5, 1.0, False), (2.0, 3.0, True)])
def test_triplet_formula(reduction, margin, p, swap):
    torch.manual_seed(10)
    a, pos, neg = (torch.randn(16, 3, dtype=D64) for _ in range(3))
    d_an = pairwise(a, neg, p)
    if swap:
        d_an = torch.minimum(d_an, pairwise(pos, neg, p))
    hand = reduce(torch.clamp(pairwise(a, pos, p) - d_an + margin, min=0), reduction)
    loss = nn.TripletMarginLoss(margin=margin, p=p, swap=swap, reduction=reduction)(a, pos, neg)
    torch.testing.assert_close(loss, hand)
    # the distance is nn.PairwiseDistance with the same p
    torch.testing.assert_close(nn.PairwiseDistance(p=p)(a, pos), pairwise(a, pos, p))


def test_triplet_claims():
    # eps gives a finite gradient when anchor and positive coincide
    a = torch.zeros(1, 3, dtype=D64, requires_grad=True)
    nn.TripletMarginLoss()(a, torch.zeros(1, 3, dtype=D64), torch.full((1, 3), 0.1, dtype=D64)).backward()
    assert torch.isfinite(a.grad).all()
    # zones of the figure, and the snippet's numbers
    a, p = torch.tensor([[0.0, 0.0]] * 2), torch.tensor([[1.0, 0.0]] * 2)
    n = torch.tensor([[0.0, 1.5], [2.5, 0.0]])
    torch.testing.assert_close(nn.TripletMarginLoss(reduction="none")(a, p, n), torch.tensor([0.5, 0.0]))
    torch.testing.assert_close(nn.TripletMarginLoss(swap=True, reduction="none")(a, p, n), torch.tensor([0.5, 0.5]))
    assert nn.TripletMarginLoss(reduction="none")(a[0], p[0], n[0]).shape == ()


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("swap", [False, True])
def test_triplet_with_distance_formula(reduction, swap):
    torch.manual_seed(11)
    a, pos, neg = (torch.randn(16, 3, dtype=D64) for _ in range(3))

    def distance(u, v):
        return 1 - F.cosine_similarity(u, v)

    d_an = distance(a, neg)
    if swap:
        d_an = torch.minimum(d_an, distance(pos, neg))
    hand = reduce(torch.clamp(distance(a, pos) - d_an + 0.5, min=0), reduction)
    loss = nn.TripletMarginWithDistanceLoss(distance_function=distance, margin=0.5, swap=swap, reduction=reduction)
    torch.testing.assert_close(loss(a, pos, neg), hand)
    default = nn.TripletMarginWithDistanceLoss(swap=swap, reduction=reduction)(a, pos, neg)
    torch.testing.assert_close(default, nn.TripletMarginLoss(swap=swap, reduction=reduction)(a, pos, neg))


# ---- CTCLoss -------------------------------------------------------------------------------------------


def ctc_forward(log_probs, target, blank=0):
    """-log p(target | x) by the forward algorithm of the page, in log space. log_probs: (T, C)."""
    ext = [blank]
    for label in target:
        ext += [label, blank]
    T, S2 = log_probs.shape[0], len(ext)
    neg_inf = torch.tensor(-math.inf, dtype=log_probs.dtype)
    alpha = [neg_inf] * S2
    alpha[0] = log_probs[0, blank]
    if S2 > 1:
        alpha[1] = log_probs[0, ext[1]]
    for t in range(1, T):
        new = []
        for s in range(S2):
            terms = [alpha[s]]
            if s >= 1:
                terms.append(alpha[s - 1])
            if s >= 2 and ext[s] != blank and ext[s] != ext[s - 2]:
                terms.append(alpha[s - 2])
            new.append(torch.logsumexp(torch.stack(terms), 0) + log_probs[t, ext[s]])
        alpha = new
    ends = [alpha[-1]] + ([alpha[-2]] if S2 > 1 else [])
    return -torch.logsumexp(torch.stack(ends), 0)


def collapse(path, blank=0):
    merged = [s for i, s in enumerate(path) if i == 0 or s != path[i - 1]]
    return [s for s in merged if s != blank]


def ctc_enumerate(log_probs, target, blank=0):
    T, C = log_probs.shape
    scores = [sum(log_probs[t, s] for t, s in enumerate(path))
              for path in itertools.product(range(C), repeat=T) if collapse(path, blank) == list(target)]
    return -torch.logsumexp(torch.stack(scores), 0) if scores else torch.tensor(math.inf, dtype=log_probs.dtype)


def test_collapse_examples_from_the_page():
    a, b = 1, 2
    assert collapse((a, a, 0, b)) == [a, b]
    assert collapse((a, 0, a, b)) == [a, a, b]


@pytest.mark.parametrize("target", [(1, 2), (1, 1), (2,), (1, 2, 1), (2, 2, 2), ()])
def test_forward_algorithm_equals_enumeration_and_torch(target):
    torch.manual_seed(12)
    T, C = 5, 3
    lp = torch.randn(T, C, dtype=D64).log_softmax(1)
    by_enumeration = ctc_enumerate(lp, target)
    if math.isinf(by_enumeration.item()):
        pytest.fail("every target here is feasible in 5 frames")
    torch.testing.assert_close(ctc_forward(lp, target), by_enumeration)
    torch_loss = nn.CTCLoss(reduction="sum")(lp, torch.tensor(target, dtype=torch.long),
                                             torch.tensor(T), torch.tensor(len(target)))  # unbatched (T, C)
    torch.testing.assert_close(torch_loss, by_enumeration)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_ctc_batch_with_lengths(reduction):
    torch.manual_seed(13)
    T, N, C, S = 12, 4, 5, 4
    lp = torch.randn(T, N, C, dtype=D64).log_softmax(2)
    targets = torch.randint(1, C, (N, S))
    input_lengths = torch.tensor([12, 9, 7, 12])
    target_lengths = torch.tensor([4, 3, 1, 0])
    per_seq = torch.stack([ctc_forward(lp[: input_lengths[n], n], targets[n, : target_lengths[n]].tolist())
                           for n in range(N)])
    expected = {"none": per_seq, "sum": per_seq.sum(),
                "mean": (per_seq / target_lengths.clamp(min=1)).mean()}[reduction]  # a target length 0 counts as 1
    loss = nn.CTCLoss(reduction=reduction)
    torch.testing.assert_close(loss(lp, targets, input_lengths, target_lengths), expected)
    flat = torch.cat([targets[n, : target_lengths[n]] for n in range(N)])
    torch.testing.assert_close(loss(lp, flat, input_lengths, target_lengths), expected)
    as_lists = loss(lp, targets, input_lengths.tolist(), target_lengths.tolist())
    torch.testing.assert_close(as_lists, expected)


def test_ctc_alignment_example():
    probs = torch.tensor([[0.2, 0.7, 0.1], [0.3, 0.4, 0.3], [0.5, 0.1, 0.4]], dtype=D64)
    paths = [p for p in itertools.product(range(3), repeat=3) if collapse(p) == [1, 2]]
    assert sorted(paths) == sorted([(0, 1, 2), (1, 0, 2), (1, 1, 2), (1, 2, 0), (1, 2, 2)])  # -ab a-b aab ab- abb
    total = sum(math.prod(probs[t, s].item() for t, s in enumerate(p)) for p in paths)
    assert total == pytest.approx(0.417)
    loss = nn.CTCLoss()(probs.log().unsqueeze(1), torch.tensor([[1, 2]]), torch.tensor([3]), torch.tensor([2]))
    assert loss.item() == pytest.approx(-math.log(0.417) / 2)


def test_ctc_minimum_frames_and_zero_infinity():
    torch.manual_seed(14)
    C = 4
    for target, needed in [((1, 2, 2), 4), ((1, 1, 1), 5), ((1, 2, 3), 3), ((2, 2), 3)]:
        for T in (needed - 1, needed):
            lp = torch.randn(T, C, dtype=D64).log_softmax(1)
            loss = nn.CTCLoss(reduction="sum")(lp, torch.tensor(target), torch.tensor(T), torch.tensor(len(target)))
            assert math.isinf(loss.item()) == (T < needed), (target, T)
    lp = torch.randn(3, 1, C, dtype=D64).log_softmax(2).requires_grad_(True)
    args = (torch.tensor([[1, 2, 2]]), torch.tensor([3]), torch.tensor([3]))
    loss = nn.CTCLoss(reduction="sum", zero_infinity=True)(lp, *args)
    loss.backward()
    assert loss.item() == 0 and (lp.grad == 0).all()
    assert math.isinf(nn.CTCLoss(reduction="sum")(lp, *args).item())


def test_ctc_does_not_normalise_its_input():
    torch.manual_seed(0)
    raw = torch.randn(4, 3, dtype=D64) * 3 + 2  # not log-probabilities
    loss = nn.CTCLoss(reduction="sum")(raw, torch.tensor([1, 2]), torch.tensor(4), torch.tensor(2))
    torch.testing.assert_close(loss, ctc_enumerate(raw, (1, 2)))  # the same sum over paths, of raw scores
    assert loss.item() < 0


# ---- the figures ---------------------------------------------------------------------------------------


def test_margin_curve_data():
    from plots.families.losses_margin import margin_curve_data

    data = margin_curve_data(points=51)
    z = torch.tensor(data["z"], dtype=D64)
    torch.testing.assert_close(torch.tensor(data["hinge"], dtype=D64), torch.clamp(1 - z, min=0))
    torch.testing.assert_close(torch.tensor(data["ranking0"], dtype=D64), torch.clamp(-z, min=0))
    torch.testing.assert_close(torch.tensor(data["soft"], dtype=D64), torch.log1p(torch.exp(-z)))
    torch.testing.assert_close(torch.tensor(data["d_hinge"], dtype=D64), torch.where(z < 1, -1.0, 0.0).to(D64))
    torch.testing.assert_close(torch.tensor(data["d_soft"], dtype=D64), -torch.sigmoid(-z))
    assert all(v < 0 for v in data["d_soft"])  # the soft margin loss always has a slope
    # the hinge lies on or above the 0-1 loss (so its mean bounds the error rate); the others do not
    zero_one = (z <= 0).to(D64)
    assert (torch.tensor(data["hinge"], dtype=D64) >= zero_one).all()
    assert not (torch.tensor(data["soft"], dtype=D64) >= zero_one).all()
    # all three are convex: slopes never decrease
    for key in ("hinge", "ranking0", "soft"):
        slope = torch.tensor(data[f"d_{key}"], dtype=D64)
        assert (slope[1:] >= slope[:-1]).all(), key


def test_hinge_embedding_figure_data():
    from plots.families.losses_sections import hinge_embedding_data

    x, [(similar, d_similar), *dissimilar] = _curves(hinge_embedding_data())
    torch.testing.assert_close(similar, x)
    torch.testing.assert_close(d_similar, torch.ones_like(x))
    for (loss, grad), m in zip(dissimilar, (1.0, 2.0)):
        torch.testing.assert_close(loss, torch.clamp(m - x, min=0))
        off_kink = x != m
        torch.testing.assert_close(grad[off_kink], -(x < m).to(D64)[off_kink])
    assert "../figures/losses/hingeembeddingloss.svg)" in _section("HingeEmbeddingLoss")


def test_triplet_figure_data():
    from plots.families.losses_margin import MAP_RANGE, triplet_curve_data, triplet_map_data

    diff, losses = triplet_curve_data(points=41)
    diff = torch.tensor(diff, dtype=D64)
    torch.testing.assert_close(diff, torch.linspace(-2, 2, 41, dtype=D64), atol=1e-5, rtol=0)
    for m, values in losses.items():
        torch.testing.assert_close(torch.tensor(values, dtype=D64), torch.clamp(diff + m, min=0))
    margin = 1.0
    coords, grid = triplet_map_data(margin, points=21)
    c = torch.tensor(coords, dtype=D64)
    assert (c[0].item(), c[-1].item()) == MAP_RANGE
    gy, gx = torch.meshgrid(c, c, indexing="ij")
    neg = torch.stack([gx, gy], dim=-1)
    hand = torch.clamp(pairwise(torch.zeros(2, dtype=D64), torch.tensor([1.0, 0.0], dtype=D64))
                       - pairwise(torch.zeros(2, dtype=D64), neg) + margin, min=0)
    grid = torch.tensor(grid, dtype=D64)
    torch.testing.assert_close(grid, hand)
    radius = neg.norm(dim=-1)
    assert (grid[radius > 1 + margin + 1e-3] == 0).all()  # easy negatives cost nothing
    assert (grid[radius < 1 - 1e-3] > margin).all()  # hard negatives cost more than the margin
    assert grid.max() == grid[10, 10]  # largest with the negative on the anchor


def test_ctc_figure_data():
    from plots.families.losses_margin import CTC_FRAMES, CTC_TARGET, ctc_training_data, greedy_decode

    data = ctc_training_data(steps=150, lr=1.0)
    after = torch.tensor(data["after"], dtype=D64)
    assert after.shape == (CTC_FRAMES, 3)
    loss = nn.CTCLoss(reduction="sum")(after.log(), torch.tensor(CTC_TARGET), torch.tensor(CTC_FRAMES),
                                       torch.tensor(len(CTC_TARGET)))
    assert loss.item() == pytest.approx(data["losses"][-1], rel=1e-9)
    assert all(later < earlier for earlier, later in zip(data["losses"], data["losses"][1:]))
    assert round(data["losses"][0], 2) == 3.70 and round(data["losses"][-1], 2) == 0.03
    assert greedy_decode(data["before"]) == "abbb"
    assert greedy_decode(data["after"]) == "abba"
    best = "".join("-ab"[i] for i in after.argmax(1).tolist())
    assert best == "aabb--bbaa"
    assert (after.max(1).values > 0.85).all()  # every frame confidently one symbol


def _curves(data):
    """x and each curve's loss and gradient as float64 tensors."""
    x = torch.tensor(data["x"], dtype=D64)
    return x, [(torch.tensor(c["loss"], dtype=D64), torch.tensor(c["grad"], dtype=D64)) for c in data["curves"]]


def _section(name):
    from tests.checks import sections

    return sections(PAGE.read_text())[name]


def test_soft_margin_figure_data():
    from plots.families.losses_sections import soft_margin_data

    x, [(plus, d_plus), (minus, d_minus)] = _curves(soft_margin_data())
    torch.testing.assert_close(plus, F.softplus(-x))
    torch.testing.assert_close(minus, F.softplus(x))
    torch.testing.assert_close(d_plus, -torch.sigmoid(-x))
    torch.testing.assert_close(d_minus, torch.sigmoid(x))
    assert (d_plus < 0).all() and (d_minus > 0).all()  # never exactly 0
    assert (round(plus[0].item(), 2), round(plus[-1].item(), 3)) == (4.02, 0.018)
    assert "falls from 4.02 to 0.018" in _section("SoftMarginLoss")


def test_multi_margin_figure_data():
    from plots.families.losses_sections import multi_margin_data

    z, curves = _curves(multi_margin_data())
    for (loss, grad), (p, m) in zip(curves, ((1, 1.0), (2, 1.0), (1, 2.0))):
        gap = torch.clamp(m - z, min=0)
        torch.testing.assert_close(loss, 2 / 3 * gap**p)
        expected = -2 / 3 * (z < m).to(D64) if p == 1 else -4 / 3 * gap
        torch.testing.assert_close(grad, expected)
        assert (loss[z >= m] == 0).all()


def test_multilabel_margin_figure_data():
    from plots.families.losses_sections import MULTILABEL_OTHERS, multilabel_margin_data

    z, [(one, d_one), (two, d_two)] = _curves(multilabel_margin_data())
    s1, s2, s3 = MULTILABEL_OTHERS
    hinge = lambda v: torch.clamp(1 - v, min=0)  # noqa: E731
    torch.testing.assert_close(one, (hinge(z - s1) + hinge(z - s2) + hinge(z - s3)) / 4)
    torch.testing.assert_close(two, (hinge(z - s2) + hinge(z - s3) + hinge(torch.tensor(s1 - s2)) + hinge(torch.tensor(s1 - s3))) / 4)
    assert min(two.tolist()) == 0.125 and min(one.tolist()) == 0
    assert {round(v, 12) for v in d_one.tolist()} == {-0.75, -0.5, -0.25, 0.0}
    assert {round(v, 12) for v in d_two.tolist()} == {-0.5, -0.25, 0.0}
    assert "a floor of 0.125" in _section("MultiLabelMarginLoss")


def test_margin_ranking_figure_data():
    from plots.families.losses_sections import margin_ranking_data

    d, curves = _curves(margin_ranking_data())
    for (loss, grad), (y, m) in zip(curves, ((1, 0.0), (1, 0.5), (1, 1.0), (-1, 0.5))):
        torch.testing.assert_close(loss, torch.clamp(m - y * d, min=0))
        off_kink = m - y * d != 0  # at the kink autograd picks one side
        torch.testing.assert_close(grad[off_kink], torch.where(m - y * d > 0, -float(y), 0.0).to(D64)[off_kink])


def test_cosine_embedding_figure_data():
    from plots.families.losses_sections import cosine_embedding_data

    c, [(similar, d_similar), *dissimilar] = _curves(cosine_embedding_data())
    torch.testing.assert_close(similar, 1 - c)
    torch.testing.assert_close(d_similar, -torch.ones_like(c))
    for (loss, grad), m in zip(dissimilar, (0.0, 0.5)):
        torch.testing.assert_close(loss, torch.clamp(c - m, min=0))
        torch.testing.assert_close(grad, (c > m).to(D64))
    assert (round(c[0].item(), 2), round(c[-1].item(), 2)) == (-0.99, 0.99)
    assert [round(loss[-1].item(), 2) for loss, _ in dissimilar] == [0.99, 0.49]


def test_triplet_distance_figure_data():
    from plots.families.losses_sections import TRIPLET_POSITIVE_DEGREES, triplet_distance_data

    degrees, curves = _curves(triplet_distance_data())
    theta = torch.deg2rad(degrees)
    half = math.radians(TRIPLET_POSITIVE_DEGREES)
    positive = {  # d(a, p) for the anchor (1, 0) and the positive at 30 degrees
        "euclid": 2 * math.sin(half / 2),
        "manhattan": 1 - math.cos(half) + math.sin(half),
        "cosine": 1 - math.cos(half),
    }
    negative = {"euclid": 2 * torch.sin(theta / 2), "manhattan": 1 - theta.cos() + theta.sin(), "cosine": 1 - theta.cos()}
    slope = {"euclid": -torch.cos(theta / 2), "manhattan": -(theta.sin() + theta.cos()), "cosine": -theta.sin()}
    zero_from = {}
    for (loss, grad), key in zip(curves, ("euclid", "manhattan", "cosine")):
        expected = torch.clamp(positive[key] - negative[key] + 1.0, min=0)
        torch.testing.assert_close(loss, expected, atol=1e-5, rtol=0)  # PairwiseDistance adds eps = 1e-6
        inside = (expected > 1e-3) & (theta > 0)
        torch.testing.assert_close(grad[inside], slope[key][inside], atol=1e-5, rtol=0)
        assert (grad[expected == 0] == 0).all()
        zero_from[key] = degrees[loss == 0][0].item()
    assert zero_from == {"euclid": 99.0, "manhattan": 72.0, "cosine": 98.0}
    assert [round(loss[0].item(), 2) for loss, _ in curves] == [1.52, 1.63, 1.13]
    text = _section("TripletMarginWithDistanceLoss")
    assert "to 0 at about 99°" in text and "to 0 at about 72°" in text and "to 0 at about 98°" in text


def test_exponential_and_epsilon_insensitive_losses():
    from plots.families.losses_sections import epsilon_insensitive_data, epsilon_insensitive_loss, exponential_data, exponential_loss

    z, [(exp, d_exp), (soft, _), (hinge, _)] = _curves(exponential_data())
    torch.testing.assert_close(exp, torch.exp(-z))
    torch.testing.assert_close(d_exp, -torch.exp(-z))
    torch.testing.assert_close(exponential_loss(z, -torch.ones_like(z)), torch.exp(z))
    assert [round(v[0].item(), 2) for v in (exp, soft, hinge)] == [7.39, 2.13, 3.0]
    d, curves = _curves(epsilon_insensitive_data())
    for (loss, grad), eps in zip(curves, (0.0, 0.5, 1.0)):
        torch.testing.assert_close(loss, torch.clamp(d.abs() - eps, min=0))
        torch.testing.assert_close(grad, torch.where(d.abs() > eps, d.sign(), 0.0).to(D64))
    torch.testing.assert_close(epsilon_insensitive_loss(d, 0 * d, 0.0), d.abs())  # epsilon 0 is L1


def test_svr_fit_is_decided_by_the_points_outside_the_tube(capsys):
    import runpy

    found = runpy.run_path(str(PAGE.parent.parent.parent / "snippets" / "losses" / "embedding-and-ranking" / "svr.py"))
    x, y, w, b, eps = (found[k] for k in ("x", "y", "w", "b", "epsilon"))
    residual = (w * x + b - y).detach()
    assert (w.item(), b.item()) == pytest.approx((2.0, 0.5), abs=0.05)
    inside = residual.abs() < eps
    pred = (w * x + b).detach().requires_grad_(True)
    found["epsilon_insensitive"](pred, y, eps).backward()
    assert (pred.grad[inside] == 0).all() and (pred.grad[~inside] != 0).all()
    assert int((~inside).sum()) >= 5


@pytest.mark.parametrize("name", ["TripletMarginLoss", "TripletMarginWithDistanceLoss"])
@pytest.mark.parametrize("margin", [0.0, -0.5])
def test_triplet_margins_must_be_positive(name, margin):
    a = torch.randn(2, 3)
    with pytest.raises(ValueError, match="greater than 0"):
        getattr(nn, name)(margin=margin)(a, a, a)
    functional = F.triplet_margin_loss if name == "TripletMarginLoss" else F.triplet_margin_with_distance_loss
    with pytest.raises(ValueError, match="greater than 0"):
        functional(a, a, a, margin=margin)
    assert "`margin=0` or a negative margin raises a `ValueError`" in _section("TripletMarginLoss")


def test_ctc_beam_search_finds_the_labeling_greedy_decoding_misses(capsys):
    import itertools
    import runpy

    found = runpy.run_path(str(PAGE.parent.parent.parent / "snippets" / "losses" / "embedding-and-ranking" / "ctc_beam_search.py"))
    probs, beam_search, ctc_probability = found["probs"], found["prefix_beam_search"], found["ctc_probability"]
    # a beam wide enough to keep every prefix gives each labeling's exact probability
    exact = beam_search(probs, beam=10**6)
    for labels, p in exact.items():
        assert p == pytest.approx(ctc_probability(labels) if labels else math.prod(probs[:, 0].tolist()), rel=1e-9)
    assert sum(exact.values()) == pytest.approx(1.0)
    # brute force over all 27 paths agrees on the most likely labeling
    totals = {}
    for path in itertools.product(range(3), repeat=3):
        merged = [s for i, s in enumerate(path) if i == 0 or s != path[i - 1]]
        key = tuple(s for s in merged if s)
        totals[key] = totals.get(key, 0.0) + math.prod(probs[t, s].item() for t, s in enumerate(path))
    best = max(totals, key=totals.get)
    assert best == (1,) and found["greedy"](probs) == () and totals[()] < totals[best]
    # with a beam of three, pruned prefixes make the kept numbers lower bounds
    narrow = beam_search(probs)
    assert all(p <= totals[labels] + 1e-12 for labels, p in narrow.items())
    assert narrow[(1, 2)] < totals[(1, 2)]


def test_soft_margin_loss_underflows_to_zero_only_for_huge_float32_margins():
    x = torch.tensor([17.0, 90.0, 102.0, 104.0, 200.0], requires_grad=True)
    loss = nn.SoftMarginLoss(reduction="none")(x, torch.ones_like(x))
    (grad,) = torch.autograd.grad(loss.sum(), x)
    assert (loss[:3] > 0).all() and (loss[3:] == 0).all() and (grad[3:] == 0).all()
    assert (nn.SoftMarginLoss(reduction="none")(x.detach().double(), torch.ones(5, dtype=D64)) > 0).all()
    assert "underflows to\n  exactly 0 only beyond $y x \\approx 103$" in _section("SoftMarginLoss")

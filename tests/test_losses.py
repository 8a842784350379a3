"""Cross-page checks of the loss-function section, and docs/losses/index.md.

- The list of losses comes from torch (`torch.nn.modules.loss.__all__`); each has a
  `## <Name>` section on exactly one of the three section pages, the index's page list
  agrees with the pages, and all 23 default to `reduction='mean'`.
- The at-a-glance table is parsed from the page: every loss is listed once and linked to
  its section; the shapes are built and passed to the module (the `'none'` output must
  have the stated shape); what the input "is" (logits, probabilities, ...) is checked by
  computing the loss from that interpretation by hand.
- The decision table, the likelihood table and the claims of the prose (reduction rules,
  likelihoods, margins) are recomputed.
"""

from __future__ import annotations

import inspect
import math
import re
import warnings
from functools import cache
from pathlib import Path

import pytest
import torch
from torch import distributions as D
from torch import nn
from torch.nn import functional as F

from tests.checks import assert_defaults, sections, tables

DOCS = Path(__file__).resolve().parent.parent / "docs" / "losses"
PAGES = ("regression.md", "classification.md", "embedding-and-ranking.md")
LOSSES = list(nn.modules.loss.__all__)
F64 = torch.float64


# -- reading the pages ------------------------------------------------------------


@cache
def page_text(page: str) -> str:
    path = DOCS / page
    return path.read_text() if path.exists() else ""


def links(cell: str) -> list[tuple[str, str, str]]:
    """Every `[Name](page.md#anchor)` in a cell as (Name, page.md, anchor)."""
    return re.findall(r"\[([^\]]+)\]\(([^)#]+)#([^)]+)\)", cell)


def math_segments(cell: str) -> list[str]:
    return re.findall(r"\$(.+?)\$", cell)


def index_section(heading: str) -> str:
    return sections(page_text("index.md"))[heading]


def glance_rows() -> dict[str, list[str]]:
    (table,) = tables(index_section("All 23 at a glance"))
    header, *rows = table
    assert header == ["Loss", "Task", "Input", "Target", "Output with `'none'`", "Input is"]
    found = {}
    for row in rows:
        ((name, page, anchor),) = links(row[0])
        assert name not in found, f"{name} is listed twice"
        found[name] = [page, anchor, *row[1:]]
    return found


def holder(name: str) -> str:
    """The page whose `## <name>` section describes the loss."""
    (page,) = [page for page in PAGES if name in sections(page_text(page))]
    return page


# -- every loss has one section; the defaults -----------------------------------------


def test_torch_ships_23_loss_modules():
    assert len(LOSSES) == len(set(LOSSES)) == 23
    assert all(issubclass(getattr(nn, name), nn.modules.loss._Loss) for name in LOSSES)


@pytest.mark.parametrize("name", LOSSES)
def test_each_loss_has_a_section_on_exactly_one_page(name):
    holders = [page for page in PAGES if name in sections(page_text(page))]
    assert len(holders) == 1, f"## {name} is on {holders or 'no page'}"


def test_the_index_lists_the_losses_of_each_page():
    intro = page_text("index.md").split("\n## ")[0]
    listed = {}
    for page in PAGES:
        (bullet,) = re.findall(rf"^- \[[^\]]+\]\({re.escape(page)}\): (.+?)(?=^- |\Z)", intro, flags=re.M | re.S)
        names = re.findall(r"\b([A-Z][A-Za-z0-9]+Loss(?:2d)?)\b", bullet)
        listed[page] = set(names)
        on_page = {n for n in sections(page_text(page)) if n in LOSSES}
        assert listed[page] == on_page, f"{page}: listed {sorted(listed[page])}, sections {sorted(on_page)}"
    assert sorted(n for names in listed.values() for n in names) == sorted(LOSSES)


def _instance(name: str) -> nn.Module:
    cls = getattr(nn, name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)  # NLLLoss2d is deprecated
        return cls(in_features=5, num_classes=4) if name == "LinearCrossEntropyLoss" else cls()


@pytest.mark.parametrize("name", LOSSES)
def test_every_loss_defaults_to_reduction_mean(name):
    cls = getattr(nn, name)
    if name == "NLLLoss2d":  # a deprecation wrapper hides the signature of the class
        assert_defaults(cls.__init__, reduction="mean")
    else:
        assert_defaults(cls, reduction="mean")
    assert _instance(name).reduction == "mean"


def test_only_linear_cross_entropy_has_parameters():
    with_parameters = [name for name in LOSSES if list(_instance(name).parameters())]
    assert with_parameters == ["LinearCrossEntropyLoss"]
    module = _instance("LinearCrossEntropyLoss")
    assert module.linear.weight.shape == (4, 5)


# -- building every loss from the shapes of the glance table ---------------------------

SIZES = {"N": 3, "C": 4, "D": 5, "T": 6, "S": 2, "H": 2, "W": 3}
STARS = ((), (3, 2))  # `*` stands for any number of dimensions, including none


def parse_shape(text: str, star: tuple) -> tuple:
    text = text.strip()
    assert text.startswith("(") and text.endswith(")"), text
    shape = []
    for part in text[1:-1].split(","):
        part = part.strip()
        if part == "*":
            shape.extend(star)
        elif part:
            shape.append(SIZES[part])
    return tuple(shape)


def cell_shapes(cell: str, star: tuple) -> list[tuple]:
    """The shapes in a cell, in order; `two`/`three` before a shape repeat it."""
    shapes = []
    for word, text in re.findall(r"(?:(two|three) )?\$(\([^$]*\))\$", cell):
        shapes += [parse_shape(text, star)] * {"": 1, "two": 2, "three": 3}[word]
    return shapes


def _labels(shape) -> torch.Tensor:
    return torch.randint(0, 2, shape).to(F64) * 2 - 1


def _multilabel_targets(shape) -> torch.Tensor:
    """Rows of class indices, then -1 (every sample has at least one label)."""
    n, c = shape
    rows = []
    for i in range(n):
        k = 1 + i % (c - 1)
        rows.append(list(torch.randperm(c)[:k].tolist()) + [-1] * (c - k))
    return torch.tensor(rows)


def build(name: str, reduction: str, star: tuple = (2,)):
    """`(module, args)` for one call of the loss with the shapes the glance table states."""
    row = glance_rows()[name]
    inputs, targets = cell_shapes(row[3], star), cell_shapes(row[4], star)
    torch.manual_seed(0)
    C = SIZES["C"]
    if name == "LinearCrossEntropyLoss":
        module = nn.LinearCrossEntropyLoss(SIZES["D"], C, reduction=reduction).double()
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FutureWarning)
            module = getattr(nn, name)(reduction=reduction).double()
    x = [torch.randn(shape, dtype=F64) for shape in inputs]
    if name in ("L1Loss", "MSELoss", "HuberLoss", "SmoothL1Loss"):
        args = (x[0], torch.randn(targets[0], dtype=F64))
    elif name == "PoissonNLLLoss":
        args = (x[0], torch.randint(0, 6, targets[0]).to(F64))
    elif name == "GaussianNLLLoss":
        args = (x[0], torch.randn(targets[0], dtype=F64), x[1].abs() + 0.1)
    elif name in ("CrossEntropyLoss", "MultiMarginLoss", "LinearCrossEntropyLoss"):
        args = (x[0], torch.randint(0, C, targets[0]))
    elif name in ("NLLLoss", "NLLLoss2d"):
        args = (x[0].log_softmax(1), torch.randint(0, C, targets[0]))
    elif name == "BCELoss":
        args = (torch.sigmoid(x[0]), torch.rand(targets[0], dtype=F64))
    elif name == "BCEWithLogitsLoss":
        args = (x[0], torch.rand(targets[0], dtype=F64))
    elif name == "KLDivLoss":
        args = (x[0].log_softmax(-1) if x[0].dim() else x[0] * 0, torch.randn(targets[0], dtype=F64).softmax(-1))
    elif name == "MultiLabelSoftMarginLoss":
        args = (x[0], torch.randint(0, 2, targets[0]).to(F64))
    elif name == "MultiLabelMarginLoss":
        args = (x[0], _multilabel_targets(targets[0]))
    elif name == "HingeEmbeddingLoss":
        args = (x[0].abs(), _labels(targets[0]))
    elif name == "SoftMarginLoss":
        args = (x[0], _labels(targets[0]))
    elif name in ("CosineEmbeddingLoss", "MarginRankingLoss"):
        args = (x[0], x[1], _labels(targets[0]))
    elif name in ("TripletMarginLoss", "TripletMarginWithDistanceLoss"):
        assert targets == []
        args = tuple(x)
    elif name == "CTCLoss":
        (T, N, _), (_, S), lengths, target_lengths = inputs[0], targets[0], targets[1], targets[2]
        assert lengths == target_lengths == (N,)
        args = (x[0].log_softmax(2), torch.randint(1, C, (N, S)), torch.full(lengths, T), torch.randint(1, S + 1, target_lengths))
    else:  # a loss torch added: the table and this test need a row for it
        raise AssertionError(f"no builder for {name}")
    return module, args


def test_glance_table_lists_all_23_and_links_each_to_its_section():
    rows = glance_rows()
    assert sorted(rows) == sorted(LOSSES)
    for name, (page, anchor, *_) in rows.items():
        assert anchor == name.lower()
        assert page == holder(name), f"{name} is linked to {page}, but its section is on {holder(name)}"


@pytest.mark.parametrize("name", LOSSES)
def test_glance_shapes(name):
    row = glance_rows()[name]
    stars = STARS if "*" in "".join(row[3:6]) else ((),)
    for star in stars:
        module, args = build(name, "none", star)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            out = module(*args)
        (expected,) = cell_shapes(row[5], star)
        assert tuple(out.shape) == expected, f"{name} with * = {star}: {tuple(out.shape)}"
        module, args = build(name, "mean", star)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            assert module(*args).shape == ()


@pytest.mark.parametrize("name", [n for n in LOSSES if n != "CTCLoss"])
def test_mean_is_the_mean_of_none_and_sum_its_sum(name):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # KLDivLoss warns about 'mean'
        per_element = build(name, "none")[0](*build(name, "none")[1])
        for reduction, expected in (("mean", per_element.mean()), ("sum", per_element.sum())):
            module, args = build(name, reduction)
            torch.testing.assert_close(module(*args), expected, msg=f"{name} {reduction}")


def test_glance_task_matches_the_page():
    for name, (page, _, task, *_) in glance_rows().items():
        assert ("regression" in task) == (page == "regression.md"), f"{name}: {task!r} on {page}"


# -- what the input is: each interpretation is checked by computing the loss from it --


def _close(a, b, **kw):
    torch.testing.assert_close(torch.as_tensor(a, dtype=F64), torch.as_tensor(b, dtype=F64), **kw)


def _none(name: str, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        return getattr(nn, name)(reduction="none", **kwargs).double()


def check_predictions(name):
    """Zero exactly when the input equals the target, positive otherwise."""
    y = torch.randn(50, dtype=F64)
    x = y + torch.randn(50, dtype=F64)
    assert (_none(name)(y, y) == 0).all() and (_none(name)(x, y) > 0).all()


def check_log_rates(name):
    """Poisson negative log-likelihood with rate exp(input), without log k!."""
    k = torch.randint(0, 8, (40,)).to(F64)
    z = torch.randn(40, dtype=F64)
    _close(_none(name)(z, k) + torch.lgamma(k + 1), -D.Poisson(z.exp()).log_prob(k))


def check_means_and_variances(name):
    """Gaussian negative log-likelihood with the input as mean and `var` as variance."""
    mu, y, var = torch.randn(3, 40, dtype=F64)
    var = var.abs() + 0.05
    _close(_none(name, full=True)(mu, y, var), -D.Normal(mu, var.sqrt()).log_prob(y))


def check_logits(name):
    """The loss applies the sigmoid / softmax itself: hand formula on probabilities of large raw scores."""
    z = 8 * torch.randn(6, 4, dtype=F64)
    if name == "CrossEntropyLoss":
        y = torch.randint(0, 4, (6,))
        _close(_none(name)(z, y), -torch.softmax(z, 1)[torch.arange(6), y].log())
    elif name == "BCEWithLogitsLoss":
        t = torch.rand(6, 4, dtype=F64)
        _close(_none(name)(z, t), _none("BCELoss")(torch.sigmoid(z), t))
        _close(_none(name)(z, (t > 0.5).to(F64)), -D.Bernoulli(logits=z).log_prob((t > 0.5).to(F64)))
    elif name == "MultiLabelSoftMarginLoss":
        t = torch.randint(0, 2, (6, 4)).to(F64)
        _close(_none(name)(z, t), _none("BCEWithLogitsLoss")(z, t).mean(1))
    elif name == "SoftMarginLoss":
        y = _labels((6, 4))
        _close(_none(name)(z, y), _none("BCEWithLogitsLoss")(z, (y + 1) / 2))
    else:
        raise AssertionError(name)


def check_log_probabilities(name):
    """The loss reads log-probabilities and applies no softmax itself."""
    log_p = torch.randn(6, 4, dtype=F64).log_softmax(1)
    y = torch.randint(0, 4, (6,))
    if name in ("NLLLoss", "NLLLoss2d"):
        _close(_none(name)(log_p, y), -log_p[torch.arange(6), y])
        raw = torch.randn(6, 4, dtype=F64)  # raw scores are not normalised: the loss is just -input[y]
        _close(_none(name)(raw, y), -raw[torch.arange(6), y])
        _close(_none(name)(log_p, y), _none("CrossEntropyLoss")(log_p + 3.0, y))  # CE = NLL after log-softmax
    elif name == "KLDivLoss":
        p = torch.randn(6, 4, dtype=F64).softmax(1)
        _close(_none(name)(log_p, p), p * (p.log() - log_p))
        _close(_none(name)(log_p, p).sum(1), (p * (p / log_p.exp()).log()).sum(1))  # KL(p || q) per sample
    elif name == "CTCLoss":
        # one time step and one target symbol: the only alignment is that symbol itself
        log_probs = torch.randn(1, 6, 4, dtype=F64).log_softmax(2)
        target = torch.randint(1, 4, (6, 1))
        ones = torch.ones(6, dtype=torch.long)
        _close(_none(name)(log_probs, target, ones, ones), -log_probs[0, torch.arange(6), target[:, 0]])
    else:
        raise AssertionError(name)


def check_probabilities(name):
    p = torch.rand(6, 4, dtype=F64) * 0.98 + 0.01
    t = torch.rand(6, 4, dtype=F64)
    _close(_none(name)(p, t), -(t * p.log() + (1 - t) * (1 - p).log()))
    with pytest.raises(RuntimeError):
        _none(name)(p + 1.0, t)  # values outside [0, 1] are refused


def check_features(name):
    torch.manual_seed(0)
    module = nn.LinearCrossEntropyLoss(5, 4, reduction="none").double()
    x, y = torch.randn(6, 5, dtype=F64), torch.randint(0, 4, (6,))
    _close(module(x, y), _none("CrossEntropyLoss")(x @ module.linear.weight.T, y))


def check_scores(name):
    """Margin losses on raw scores (defaults: margin 0 for ranking, 1 for the multi-class ones)."""
    if name == "MarginRankingLoss":
        x1, x2 = torch.randn(2, 20, dtype=F64)
        y = _labels((20,))
        _close(_none(name)(x1, x2, y), torch.clamp(-y * (x1 - x2), min=0))
        return
    x = torch.randn(6, 4, dtype=F64)
    if name == "MultiMarginLoss":
        y = torch.randint(0, 4, (6,))
        margins = torch.clamp(1 - x[torch.arange(6), y][:, None] + x, min=0)
        margins[torch.arange(6), y] = 0
        _close(_none(name)(x, y), margins.sum(1) / 4)
    elif name == "MultiLabelMarginLoss":
        target = _multilabel_targets((6, 4))
        expected = []
        for scores, row in zip(x, target.tolist()):
            labels = row[: row.index(-1)] if -1 in row else row
            others = [i for i in range(4) if i not in labels]
            expected.append(sum(max(0.0, 1 - (scores[j] - scores[i]).item()) for j in labels for i in others) / 4)
        _close(_none(name)(x, target), expected)
    else:
        raise AssertionError(name)


def check_distances(name):
    d = torch.rand(20, dtype=F64) * 2
    y = _labels((20,))
    _close(_none(name)(d, y), torch.where(y > 0, d, torch.clamp(1 - d, min=0)))


def check_embeddings(name):
    a, p, n = torch.randn(3, 6, 5, dtype=F64)
    if name == "CosineEmbeddingLoss":
        y = _labels((6,))
        cos = F.cosine_similarity(a, p)
        _close(_none(name)(a, p, y), torch.where(y > 0, 1 - cos, torch.clamp(cos, min=0)))
        _close(_none(name)(3 * a, 0.5 * p, y), _none(name)(a, p, y))  # only directions matter
    else:
        def dist(u, v):
            return (u - v + 1e-6).norm(dim=1)

        _close(_none(name)(a, p, n), torch.clamp(dist(a, p) - dist(a, n) + 1, min=0))


INPUT_IS = {
    "predictions": check_predictions,
    "log-rates": check_log_rates,
    "means and variances": check_means_and_variances,
    "logits": check_logits,
    "log-probabilities": check_log_probabilities,
    "probabilities": check_probabilities,
    "features": check_features,
    "scores": check_scores,
    "distances": check_distances,
    "embeddings": check_embeddings,
}


@pytest.mark.parametrize("name", LOSSES)
def test_glance_input_is(name):
    cell = glance_rows()[name][-1]
    assert cell in INPUT_IS, f"{name}: unknown kind {cell!r}"
    torch.manual_seed(0)
    INPUT_IS[cell](name)


def test_glance_target_kinds():
    rows = glance_rows()
    for name, row in rows.items():
        target = row[4]
        if "class indices" in target:  # integer targets: the same values as floats are refused or mean something else
            module, args = build(name, "none")
            assert args[1].dtype == torch.long
            if name not in ("CTCLoss", "MultiLabelMarginLoss"):
                with pytest.raises((RuntimeError, ValueError)):
                    module(args[0], args[1].to(F64))
        if "labels ±1" in target:
            module, args = build(name, "none")
            flipped = (*args[:-1], -args[-1])
            assert not torch.allclose(module(*args), module(*flipped))
    # the -1 padding of MultiLabelMarginLoss: everything after the first -1 is ignored
    x = torch.randn(1, 4, dtype=F64)
    loss = _none("MultiLabelMarginLoss")
    _close(loss(x, torch.tensor([[2, -1, 0, 1]])), loss(x, torch.tensor([[2, -1, 3, 3]])))


def test_single_samples_without_batch_dimension():
    with_nc_input = [name for name, row in glance_rows().items() if row[3] == "$(N, C)$"]
    assert len(with_nc_input) == 5  # "the five losses with an input of shape (N, C)"
    for name in with_nc_input:
        module, (x, target) = build(name, "none")
        assert module(x[0], target[0]).shape == ()
    x, y = torch.randn(4, dtype=F64), torch.tensor(2)
    for name in ("CrossEntropyLoss", "MultiMarginLoss"):
        assert _none(name)(x, y).shape == ()
    assert _none("NLLLoss")(x.log_softmax(0), y).shape == ()
    assert _none("MultiLabelSoftMarginLoss")(x, torch.tensor([1.0, 0.0, 1.0, 0.0], dtype=F64)).shape == ()
    assert _none("MultiLabelMarginLoss")(x, torch.tensor([1, -1, 0, 0])).shape == ()
    images, masks = torch.randn(2, 4, 3, 3, dtype=F64), torch.randint(0, 4, (2, 3, 3))
    assert _none("CrossEntropyLoss")(images, masks).shape == (2, 3, 3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        _close(_none("NLLLoss2d")(images.log_softmax(1), masks), _none("NLLLoss")(images.log_softmax(1), masks))
    assert issubclass(nn.NLLLoss2d, nn.NLLLoss)
    with pytest.warns(FutureWarning):
        nn.NLLLoss2d()
    probabilities = torch.randn(3, 4, dtype=F64).softmax(1)
    logits = torch.randn(3, 4, dtype=F64)
    _close(_none("CrossEntropyLoss")(logits, probabilities), -(probabilities * logits.log_softmax(1)).sum(1))
    torch.manual_seed(0)
    module = nn.LinearCrossEntropyLoss(5, 4, reduction="none").double()
    features = torch.randn(3, 5, dtype=F64)
    _close(module(features, probabilities), _none("CrossEntropyLoss")(features @ module.linear.weight.T, probabilities))


# -- the decision table ------------------------------------------------------------------


def test_decision_table_links_and_outputs_agree_with_the_glance_table():
    (table,) = tables(index_section("Which loss for which task"))
    header, *rows = table
    assert header == ["Task", "The model outputs", "Loss"]
    glance = glance_rows()
    mentioned = set()
    for task, output, cell in rows:
        found = links(cell)
        assert found, f"no loss linked for {task!r}"
        for name, page, anchor in found:
            assert anchor == name.lower() and page == holder(name), f"{task}: {name} -> {page}#{anchor}"
            assert glance[name][-1] == output, f"{task}: {name} takes {glance[name][-1]}, not {output}"
            mentioned.add(name)
    assert mentioned == set(LOSSES) - {"NLLLoss2d", "SoftMarginLoss"}  # the deprecated one, and the logistic twin of BCEWithLogitsLoss


def test_logit_versions_are_stable_where_sigmoid_then_bce_is_not():
    z, t = torch.tensor([40.0]), torch.tensor([0.0])
    assert nn.BCEWithLogitsLoss()(z, t).item() == pytest.approx(40.0)
    assert torch.sigmoid(z).item() == 1.0  # float32 rounds the probability to exactly 1
    assert nn.BCELoss()(torch.sigmoid(z), t).item() == 100.0  # log(0) clamped to -100


# -- reduction ---------------------------------------------------------------------------


def test_mean_divides_by_elements_not_batch_size():
    pred, target = torch.arange(1.0, 7.0).reshape(2, 3), torch.zeros(2, 3)
    assert nn.L1Loss()(pred, target).item() == 21 / 6 and nn.L1Loss(reduction="sum")(pred, target).item() == 21


def test_mean_keeps_the_gradient_independent_of_the_batch_size():
    for n in (4, 64):
        x = torch.full((n,), 2.0, requires_grad=True)
        nn.MSELoss()(x, torch.zeros(n)).backward()
        assert (x.grad * n).tolist() == [4.0] * n  # sum of the gradient = 4, whatever n


def test_weighted_mean_and_ignore_index():
    torch.manual_seed(0)
    logits, labels = torch.randn(6, 3, dtype=F64), torch.tensor([0, 1, 2, 2, 1, 0])
    weight = torch.tensor([1.0, 2.0, 5.0], dtype=F64)
    plain = nn.CrossEntropyLoss(reduction="none")(logits, labels)
    weighted = nn.CrossEntropyLoss(weight=weight, reduction="none")(logits, labels)
    _close(weighted, weight[labels] * plain)
    _close(nn.CrossEntropyLoss(weight=weight)(logits, labels), weighted.sum() / weight[labels].sum())
    _close(nn.NLLLoss(weight=weight)(logits.log_softmax(1), labels), weighted.sum() / weight[labels].sum())
    torch.manual_seed(0)
    linear = nn.LinearCrossEntropyLoss(5, 3, weight=weight).double()
    features = torch.randn(6, 5, dtype=F64)
    per_sample = nn.CrossEntropyLoss(weight=weight, reduction="none")(features @ linear.linear.weight.T, labels)
    _close(linear(features, labels), per_sample.sum() / weight[labels].sum())
    ignored = labels.clone()
    ignored[:2] = -100
    keep = slice(2, None)
    _close(nn.CrossEntropyLoss(weight=weight)(logits, ignored), weighted[keep].sum() / weight[labels[keep]].sum())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)
        _close(nn.NLLLoss2d(weight=weight)(logits.log_softmax(1), labels), weighted.sum() / weight[labels].sum())


def test_reduction_example_numbers():
    logits = torch.tensor([[3.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.5]])
    labels, weight = torch.tensor([0, 1, 2]), torch.tensor([1.0, 1.0, 4.0])
    per_sample = nn.CrossEntropyLoss(weight=weight, reduction="none")(logits, labels)
    assert nn.CrossEntropyLoss(weight=weight)(logits, labels).item() == pytest.approx(per_sample.sum().item() / 6)
    assert per_sample.mean().item() == pytest.approx(per_sample.sum().item() / 3)


def test_ctc_mean_divides_by_target_lengths():
    module, args = build("CTCLoss", "none")
    per_sequence = module(*args)
    _close(nn.CTCLoss()(*args), (per_sequence / args[3]).mean())
    _close(nn.CTCLoss(reduction="sum")(*args), per_sequence.sum())


def test_kl_div_mean_is_not_the_divergence_but_batchmean_is():
    torch.manual_seed(0)
    log_q, p = torch.randn(4, 5, dtype=F64).log_softmax(1), torch.randn(4, 5, dtype=F64).softmax(1)
    kl_per_sample = (p * (p.log() - log_q)).sum(1)
    _close(nn.KLDivLoss(reduction="batchmean")(log_q, p), kl_per_sample.mean())
    with pytest.warns(UserWarning, match="batchmean"):
        mean = nn.KLDivLoss()(log_q, p)
    _close(mean, kl_per_sample.mean() / 5)


def test_deprecated_size_average_and_reduce_override_reduction():
    accepting = [n for n in LOSSES if "size_average" in inspect.signature(getattr(nn, n)).parameters]
    assert len(accepting) == 17  # plus NLLLoss2d, which inherits NLLLoss's arguments
    with pytest.warns(UserWarning):
        assert nn.L1Loss(size_average=False, reduction="mean").reduction == "sum"
    with pytest.warns(UserWarning):
        assert nn.MSELoss(reduce=False, reduction="sum").reduction == "none"
    for name in ("L1Loss", "MSELoss", "SmoothL1Loss", "PoissonNLLLoss"):
        assert {"size_average", "reduce"} <= set(inspect.signature(getattr(nn, name)).parameters)
    for name in ("HuberLoss", "GaussianNLLLoss"):
        assert "size_average" not in inspect.signature(getattr(nn, name)).parameters


def test_input_first_matters_for_asymmetric_losses():
    p, t = torch.tensor([0.9, 0.2]), torch.tensor([1.0, 0.0])
    assert nn.MSELoss()(p, t) == nn.MSELoss()(t, p)
    assert nn.BCELoss()(p, t) != nn.BCELoss()(t, p)
    k, rate = torch.tensor([2.0, 5.0]), torch.tensor([1.0, 3.0])
    assert nn.PoissonNLLLoss()(rate, k) != nn.PoissonNLLLoss()(k, rate)


def test_criterion_example_module_equals_function():
    torch.manual_seed(0)
    model = nn.Linear(3, 1)
    x, y = torch.randn(4, 3), torch.randn(4, 1)
    assert nn.MSELoss()(model(x), y).item() == F.mse_loss(model(x), y).item()


# -- losses and likelihoods ---------------------------------------------------------------


def test_likelihood_table():
    (table,) = tables(index_section("Losses and likelihoods"))
    header, *rows = table
    assert header == ["Distribution of the target", "The model predicts", r"$-\log p(y \mid \cdot)$", "Loss"]
    assert [links(row[3])[0][0] for row in rows] == ["MSELoss", "GaussianNLLLoss", "L1Loss", "PoissonNLLLoss", "BCEWithLogitsLoss", "CrossEntropyLoss"]
    for row in rows:
        ((name, page, anchor),) = links(row[3])
        assert anchor == name.lower() and page == holder(name)
    torch.manual_seed(0)
    y, mu = torch.randn(2, 30, dtype=F64)
    sigma, b = 0.7, 1.3
    # Gaussian with fixed variance: the formula, and the MSE up to a scale and a constant
    nll = -D.Normal(mu, sigma).log_prob(y)
    _close(nll, (y - mu) ** 2 / (2 * sigma**2) + 0.5 * math.log(2 * math.pi * sigma**2))
    _close(nll.mean(), nn.MSELoss()(mu, y) / (2 * sigma**2) + 0.5 * math.log(2 * math.pi * sigma**2))
    # Gaussian with predicted variance
    var = torch.rand(30, dtype=F64) + 0.1
    nll = -D.Normal(mu, var.sqrt()).log_prob(y)
    _close(nll, 0.5 * var.log() + (y - mu) ** 2 / (2 * var) + 0.5 * math.log(2 * math.pi))
    _close(nll.mean(), nn.GaussianNLLLoss(full=True)(mu, y, var))
    # Laplace
    nll = -D.Laplace(mu, b).log_prob(y)
    _close(nll, (y - mu).abs() / b + math.log(2 * b))
    _close(nll.mean(), nn.L1Loss()(mu, y) / b + math.log(2 * b))
    # Poisson
    k, log_rate = torch.randint(0, 9, (30,)).to(F64), torch.randn(30, dtype=F64)
    rate = log_rate.exp()
    nll = -D.Poisson(rate).log_prob(k)
    _close(nll, rate - k * rate.log() + torch.lgamma(k + 1))
    _close(nll.mean(), nn.PoissonNLLLoss()(log_rate, k) + torch.lgamma(k + 1).mean())
    # Bernoulli
    z, labels = torch.randn(30, dtype=F64), torch.randint(0, 2, (30,)).to(F64)
    p = torch.sigmoid(z)
    nll = -D.Bernoulli(logits=z).log_prob(labels)
    _close(nll, -labels * p.log() - (1 - labels) * (1 - p).log())
    _close(nll.mean(), nn.BCEWithLogitsLoss()(z, labels))
    # categorical
    scores, classes = torch.randn(30, 5, dtype=F64), torch.randint(0, 5, (30,))
    nll = -D.Categorical(logits=scores).log_prob(classes)
    _close(nll, -scores.softmax(1)[torch.arange(30), classes].log())
    _close(nll.mean(), nn.CrossEntropyLoss()(scores, classes))


def test_distributions_and_maximum_likelihood_estimates():
    lam = torch.tensor(2.5, dtype=F64)
    k = torch.arange(0, 40, dtype=F64)
    pmf = lam**k * torch.exp(-lam) / torch.exp(torch.lgamma(k + 1))
    _close(pmf, D.Poisson(lam).log_prob(k).exp())
    assert pmf.sum().item() == pytest.approx(1.0)
    assert (k * pmf).sum().item() == pytest.approx(2.5) and ((k - 2.5) ** 2 * pmf).sum().item() == pytest.approx(2.5)
    mu, sigma = 0.3, 1.7
    y = torch.linspace(-4, 4, 81, dtype=F64)
    _close(torch.exp(-((y - mu) ** 2) / (2 * sigma**2)) / (sigma * math.sqrt(2 * math.pi)), D.Normal(mu, sigma).log_prob(y).exp())
    # maximum likelihood: the gradient of the mean NLL vanishes at the sample mean and the biased std
    torch.manual_seed(0)
    sample = torch.randn(200, dtype=F64) * 2 + 1
    m = sample.mean().clone().requires_grad_(True)
    s = ((sample - sample.mean()) ** 2).mean().sqrt().clone().requires_grad_(True)
    nll = -D.Normal(m, s).log_prob(sample).mean()
    grads = torch.autograd.grad(nll, (m, s))
    assert all(abs(g.item()) < 1e-12 for g in grads)
    assert s.item() != pytest.approx(sample.std().item(), abs=1e-4)  # not the unbiased (n - 1) version


# -- margins and SVMs ------------------------------------------------------------------------


def test_hinge_via_multimarginloss_and_soft_margin():
    f = torch.linspace(-3, 3, 61, dtype=F64)
    for sign in (1.0, -1.0):
        y = torch.full_like(f, sign)
        hinge = torch.clamp(1 - y * f, min=0)
        two_scores = torch.stack([torch.zeros_like(f), f], dim=1)
        _close(2 * _none("MultiMarginLoss")(two_scores, (y > 0).long()), hinge)
        soft = _none("SoftMarginLoss")(f, y)
        _close(soft, torch.log1p(torch.exp(-y * f)))
        _close(soft, _none("BCEWithLogitsLoss")(f, (y + 1) / 2))
    # HingeEmbeddingLoss is not the SVM hinge: with y = 1 it returns its input unchanged
    d = torch.tensor([0.2, 3.0], dtype=F64)
    _close(_none("HingeEmbeddingLoss")(d, torch.ones(2, dtype=F64)), d)
    assert not torch.allclose(_none("HingeEmbeddingLoss")(d, torch.ones(2, dtype=F64)), torch.clamp(1 - d, min=0))


def test_squared_loss_against_the_label_penalises_being_too_correct():
    m = torch.linspace(-3, 3, 61, dtype=F64)
    for sign in (1.0, -1.0):
        y = torch.full_like(m, sign)
        f = y * m  # the score that gives margin m
        squared = _none("MSELoss")(f, y)
        _close(squared, (1 - m) ** 2)
        assert squared[m > 1].diff().min() > 0
        assert _none("MSELoss")(torch.tensor([3.0 * sign, -sign], dtype=F64), torch.full((2,), sign, dtype=F64)).tolist() == [4.0, 4.0]
        hinge = 2 * _none("MultiMarginLoss")(torch.stack([torch.zeros_like(f), f], dim=1), (y > 0).long())
        assert (hinge[m >= 1] == 0).all() and (hinge[m < 1] > 0).all()


# -- every loss section shows a figure of its own ---------------------------------------


def figure_links(text: str) -> list[str]:
    return re.findall(r"\]\(\.\./figures/([^)]+)\.svg\)", text)


def test_every_figure_link_on_the_loss_pages_is_declared():
    from plots.build import all_figures

    declared = {fig.name for fig in all_figures()}
    for page in PAGES:
        for name in figure_links(page_text(page)):
            assert name in declared, f"{page} links figures/{name}.svg, which no family declares"


@pytest.mark.parametrize("name", LOSSES)
def test_each_loss_section_shows_a_figure_of_its_own(name):
    """A figure counts for a section only if no other section of the loss pages links it;
    NLLLoss2d, NLLLoss's deprecated alias, may show NLLLoss's."""
    elsewhere = [
        link
        for page in PAGES
        for heading, text in sections(page_text(page)).items()
        if heading != name and {heading, name} != {"NLLLoss", "NLLLoss2d"}
        for link in figure_links(text)
    ]
    own = set(figure_links(sections(page_text(holder(name)))[name])) - set(elsewhere)
    assert own, f"## {name} on {holder(name)} has no figure that no other section shows"


def test_the_target_comes_after_the_inputs_whenever_a_loss_takes_one():
    with_target = 0
    for name in LOSSES:
        params = list(inspect.signature(getattr(nn, name).forward).parameters)[1:]
        targets = [p for p in params if p.startswith("target")]
        if targets:
            with_target += 1
            assert params.index(targets[0]) >= 1, f"{name}.forward{tuple(params)}"
            assert params[0] in {"input", "input1", "log_input", "log_probs"}, f"{name}.forward{tuple(params)}"
    assert with_target == 21  # all but the two triplet losses
    assert "Whenever a loss takes a target, the **input comes first" in page_text("index.md")


def test_rendered_loss_figures_are_light():
    from plots.build import CACHE, families

    loss_figures = [fig for module, figs in families().items() if module.startswith("plots.families.losses") for fig in figs]
    sizes = {fig.name: (CACHE / f"{fig.name}.svg").stat().st_size for fig in loss_figures if (CACHE / f"{fig.name}.svg").exists()}
    assert all(size < 40_000 for size in sizes.values()), sizes
    assert not sizes or sorted(sizes.values())[len(sizes) // 2] < 30 * 1024

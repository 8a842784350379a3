"""Facts on docs/foundations/index.md: the output layer and loss of each task, the formulas
of MSE, binary cross-entropy and cross-entropy (with their minus signs and 1/N), the
softmax-versus-sigmoid claims, the gradient-descent step and the defaults the page relies on."""

from __future__ import annotations

import contextlib
import io
import runpy
import warnings
from pathlib import Path

import pytest
import torch
from torch import nn
from torch.nn import functional as F
from torch.testing import assert_close

from tests.checks import assert_defaults

F64 = torch.float64


@pytest.fixture
def gen():
    return torch.Generator().manual_seed(0)


def test_loss_defaults_the_page_uses():
    for loss in (nn.MSELoss, nn.BCEWithLogitsLoss, nn.CrossEntropyLoss):
        assert_defaults(loss, reduction="mean")
    # "what torch.optim.SGD does with its defaults": plain w <- w - lr * grad
    assert_defaults(torch.optim.SGD, momentum=0, dampening=0, weight_decay=0, nesterov=False, maximize=False)


def test_regression_mse_formula(gen):
    pred, y = torch.randn(4, 1, generator=gen, dtype=F64), torch.randn(4, 1, generator=gen, dtype=F64)
    assert_close(nn.MSELoss()(pred, y), ((pred - y) ** 2).sum() / 4)


def test_mse_shape_mismatch_broadcasts_and_warns():
    pred, y = torch.arange(4.0).unsqueeze(1), torch.arange(4.0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        wrong = nn.MSELoss()(pred, y)
    assert any("target size" in str(w.message) for w in caught)
    assert (pred - y).shape == (4, 4)
    assert_close(wrong, ((pred - y) ** 2).mean())
    assert not torch.isclose(wrong, nn.MSELoss()(pred.squeeze(1), y))


def test_binary_cross_entropy_formula_with_minus_and_mean(gen):
    z = 3 * torch.randn(7, generator=gen, dtype=F64)
    y = torch.tensor([1.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0], dtype=F64)
    p = torch.sigmoid(z)
    by_hand = -(1 / 7) * (y * torch.log(p) + (1 - y) * torch.log(1 - p)).sum()
    assert_close(nn.BCEWithLogitsLoss()(z, y), by_hand)
    assert by_hand > 0
    # only one term per sample is non-zero
    per_sample = nn.BCEWithLogitsLoss(reduction="none")(z, y)
    assert_close(per_sample, torch.where(y == 1, -torch.log(p), -torch.log(1 - p)))


def test_sigmoid_above_half_iff_logit_positive():
    z = torch.linspace(-5, 5, 1001, dtype=F64)
    assert torch.equal(torch.sigmoid(z) > 0.5, z > 0)


def test_binary_targets_must_be_float():
    with pytest.raises(RuntimeError):
        nn.BCEWithLogitsLoss()(torch.zeros(3), torch.tensor([1, 0, 1]))


def test_cross_entropy_formula_and_prediction(gen):
    z = torch.randn(5, 4, generator=gen, dtype=F64)
    y = torch.tensor([0, 3, 1, 1, 2])
    assert y.dtype == torch.int64
    softmax = torch.exp(z) / torch.exp(z).sum(dim=1, keepdim=True)
    by_hand = -(1 / 5) * torch.log(softmax[torch.arange(5), y]).sum()
    assert_close(nn.CrossEntropyLoss()(z, y), by_hand)
    assert_close(softmax.sum(dim=1), torch.ones(5, dtype=F64))
    assert torch.equal(z.argmax(dim=1), softmax.argmax(dim=1))


def test_two_logit_cross_entropy_equals_one_logit_bce(gen):
    z = torch.randn(6, 2, generator=gen, dtype=F64)
    y = torch.tensor([0, 1, 1, 0, 1, 0])
    ce = nn.CrossEntropyLoss()(z, y)
    bce = nn.BCEWithLogitsLoss()(z[:, 1] - z[:, 0], y.to(F64))
    assert_close(ce, bce)


def test_multilabel_bce_is_mean_over_all_entries(gen):
    z = torch.randn(4, 3, generator=gen, dtype=F64)
    y = torch.tensor([[1.0, 0, 1], [0, 0, 0], [1, 1, 1], [0, 1, 0]], dtype=F64)
    p = torch.sigmoid(z)
    by_hand = -(y * p.log() + (1 - y) * (1 - p).log()).sum() / (4 * 3)
    assert_close(nn.BCEWithLogitsLoss()(z, y), by_hand)
    # each column is an independent binary problem
    columns = torch.stack([nn.BCEWithLogitsLoss()(z[:, c], y[:, c]) for c in range(3)])
    assert_close(columns.mean(), by_hand)
    assert not torch.allclose(p.sum(dim=1), torch.ones(4, dtype=F64))


def test_softmax_competes_sigmoid_does_not():
    logits = torch.tensor([2.0, 1.0, -1.0], dtype=F64)
    raised = logits + torch.tensor([1.0, 0.0, 0.0], dtype=F64)
    s0, s1 = torch.softmax(logits, 0), torch.softmax(raised, 0)
    assert s1[0] > s0[0] and (s1[1:] < s0[1:]).all()
    assert_close(torch.sigmoid(raised)[1:], torch.sigmoid(logits)[1:])
    assert torch.sigmoid(raised)[0] > torch.sigmoid(logits)[0]


def test_sgd_step_is_w_minus_lr_grad():
    torch.manual_seed(0)
    model = nn.Linear(3, 2)
    x, y = torch.randn(5, 3), torch.randn(5, 2)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss = nn.MSELoss()(model(x), y)
    opt.zero_grad()
    loss.backward()
    before = [p.detach().clone() for p in model.parameters()]
    opt.step()
    for p, b in zip(model.parameters(), before):
        assert_close(p.detach(), b - 0.1 * p.grad)


def test_training_example_learns_the_line():
    torch.manual_seed(0)
    x = torch.linspace(-1, 1, 8).unsqueeze(1)
    y = 2 * x + 1
    model = nn.Linear(1, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    losses = []
    for _ in range(40):
        loss = F.mse_loss(model(x), y)
        losses.append(loss.item())
        opt.zero_grad()
        loss.backward()
        opt.step()
    assert all(b < a for a, b in zip(losses, losses[1:])), "the loss decreases at every step"
    assert abs(model.weight.item() - 2) < 0.1 and abs(model.bias.item() - 1) < 0.01


def test_cross_entropy_takes_indices_or_float_probabilities_not_int_one_hot(gen):
    z = torch.randn(5, 4, generator=gen, dtype=F64)
    y = torch.tensor([0, 3, 1, 1, 2])
    one_hot = F.one_hot(y, 4)
    assert_close(nn.CrossEntropyLoss()(z, one_hot.to(F64)), nn.CrossEntropyLoss()(z, y))
    with pytest.raises(RuntimeError):
        nn.CrossEntropyLoss()(z, one_hot)  # int64 one-hot: neither indices nor probabilities


def test_multilabel_snippet_targets_and_predictions():
    snippet = Path(__file__).resolve().parents[1] / "snippets" / "foundations" / "index" / "multilabel.py"
    with contextlib.redirect_stdout(io.StringIO()):
        ns = runpy.run_path(str(snippet))
    assert ns["y"].sum(dim=1).tolist() == [2.0, 0.0, 3.0, 1.0]  # the second has no label, the third all three
    predicted = (ns["logits"] > 0).long()
    assert predicted.sum(dim=1).tolist()[:2] == [0, 0] and (predicted.sum(dim=1)[2:] > 0).all()

"""Checks for docs/training/loop.md: the loops, zero_grad semantics, accuracy, and every default."""

from __future__ import annotations

import contextlib
import io
import math
import runpy
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from tests import codeblocks
from tests.checks import assert_defaults

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = ROOT / "snippets" / "training" / "loop"
PAGE = ROOT / "docs" / "training" / "loop.md"




def run_snippet(name):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ns = runpy.run_path(str(SNIPPETS / name))
    return ns, out.getvalue()


def page_function(ns, name):
    """Define `name` in `ns` from the page's own code block (not a copy of it)."""
    (block,) = [b for b in codeblocks.page_blocks(PAGE) if b.snippet is None and f"def {name}(" in b.code]
    code = block.code.split("\n\n\ntest_loss")[0]  # the definition, without the call after it
    exec(compile(code, str(PAGE), "exec"), ns)
    return ns[name]


@pytest.fixture(scope="module")
def setup():
    ns, _ = run_snippet("setup.py")
    page_function(ns, "train_loop")
    page_function(ns, "test_loop")
    return ns


# ---- defaults ---------------------------------------------------------------------------------


def test_defaults():
    assert_defaults(torch.optim.Optimizer.zero_grad, set_to_none=True)
    assert_defaults(nn.Module.zero_grad, set_to_none=True)
    assert_defaults(nn.CrossEntropyLoss, reduction="mean")
    assert_defaults(DataLoader, num_workers=0)


# ---- data and model ---------------------------------------------------------------------------


def test_setup_numbers(setup):
    _, out = run_snippet("setup.py")
    assert out.splitlines() == [
        "1438 training and 359 test images",
        "45 updates per epoch, 225 in total",
        "2410 parameters",
    ]
    assert len(setup["train_loader"]) == math.ceil(1438 / 32) == 45
    assert 1438 == 44 * 32 + 30
    assert [len(labels) for _, labels in setup["train_loader"]][-1] == 30
    x, _ = setup["train_set"][0]
    assert x.shape == (64,) and 0 <= x.min() and x.max() <= 1


def test_seeded_loader_shuffles_reproducibly_and_per_epoch():
    loader = run_snippet("setup.py")[0]["train_loader"]
    first = torch.cat([labels for _, labels in loader])
    second = torch.cat([labels for _, labels in loader])
    assert not torch.equal(first, second)  # a new order every epoch
    ns, _ = run_snippet("setup.py")
    again = torch.cat([labels for _, labels in ns["train_loader"]])
    assert torch.equal(first, again)  # same seed, same first epoch


# ---- loss function ----------------------------------------------------------------------------


def test_cross_entropy_formula_and_functional_form():
    torch.manual_seed(0)
    logits, labels = torch.randn(6, 10, dtype=torch.float64), torch.randint(0, 10, (6,))
    by_hand = -torch.log_softmax(logits, dim=1)[torch.arange(6), labels].mean()
    torch.testing.assert_close(nn.CrossEntropyLoss()(logits, labels), by_hand)
    torch.testing.assert_close(F.cross_entropy(logits, labels), by_hand)


def test_untrained_loss_is_near_ln_10(setup):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    inputs, labels = next(iter(setup["test_loader"]))
    with torch.no_grad():
        loss = F.cross_entropy(model(inputs), labels).item()
    assert round(math.log(10), 4) == 2.3026
    assert abs(loss - math.log(10)) < 0.05
    uniform = torch.zeros(5, 10)
    assert F.cross_entropy(uniform, torch.arange(5)).item() == pytest.approx(math.log(10))


# ---- the three steps --------------------------------------------------------------------------


def test_three_steps_snippet():
    ns, out = run_snippet("three_steps.py")
    lines = out.splitlines()
    assert lines[0] == "after zero_grad(): None"
    assert all(line.endswith("True") for line in lines[2:])


def test_zero_grad_semantics():
    layer = nn.Linear(3, 2)
    opt = torch.optim.SGD(layer.parameters(), lr=0.1)
    layer(torch.randn(4, 3)).sum().backward()
    assert all(p.grad is not None for p in layer.parameters())
    opt.zero_grad()
    assert all(p.grad is None for p in layer.parameters())
    layer(torch.randn(4, 3)).sum().backward()
    opt.zero_grad(set_to_none=False)
    assert all(p.grad is not None and (p.grad == 0).all() for p in layer.parameters())
    layer(torch.randn(4, 3)).sum().backward()
    layer.zero_grad()
    assert all(p.grad is None for p in layer.parameters())


def test_backward_accumulates_and_step_uses_grad():
    torch.manual_seed(0)
    layer = nn.Linear(3, 1).double()
    opt = torch.optim.SGD(layer.parameters(), lr=0.1)
    x, t = torch.randn(8, 3, dtype=torch.float64), torch.randn(8, 1, dtype=torch.float64)
    F.mse_loss(layer(x), t).backward()
    g = layer.weight.grad.clone()
    F.mse_loss(layer(x), t).backward()
    torch.testing.assert_close(layer.weight.grad, 2 * g)
    # a step applies whatever sits in .grad: here the stale sum of two gradients
    before = layer.weight.detach().clone()
    opt.step()
    torch.testing.assert_close(layer.weight.detach(), before - 0.1 * 2 * g)
    # parameters with .grad None are skipped
    opt.zero_grad()
    before = [p.detach().clone() for p in layer.parameters()]
    opt.step()
    assert all(torch.equal(p, q) for p, q in zip(layer.parameters(), before))


def test_gradient_accumulation_equals_large_batch():
    torch.manual_seed(0)
    layer = nn.Linear(3, 1).double()
    x, t = torch.randn(12, 3, dtype=torch.float64), torch.randn(12, 1, dtype=torch.float64)
    F.mse_loss(layer(x), t).backward()
    full = layer.weight.grad.clone()
    layer.zero_grad()
    for xb, tb in zip(x.split(4), t.split(4)):
        (F.mse_loss(layer(xb), tb) / 3).backward()  # divide by the number of batches
    torch.testing.assert_close(layer.weight.grad, full)


def test_item_versus_accumulating_tensors():
    w = torch.ones(2, requires_grad=True)
    total = 0.0
    kept = torch.zeros(())
    for _ in range(3):
        loss = (w * 2).sum()
        total += loss.item()
        kept = kept + loss
    assert isinstance(total, float)
    assert kept.grad_fn is not None  # the tensor sum keeps every graph alive


# ---- train and test loops ---------------------------------------------------------------------


def test_train_loop_reduces_the_loss(setup):
    ns = setup
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.2)
    test_before, acc_before = ns["test_loop"](ns["test_loader"], model, loss_fn)
    losses = [ns["train_loop"](ns["train_loader"], model, loss_fn, optimizer) for _ in range(3)]
    test_after, acc_after = ns["test_loop"](ns["test_loader"], model, loss_fn)
    assert losses[0] > losses[1] > losses[2]
    assert test_after < test_before / 2 and acc_after > 0.8 > acc_before
    assert model.training is False  # the test loop left it in eval mode
    ns["train_loop"](ns["train_loader"], model, loss_fn, optimizer)
    assert model.training is True  # and the train loop switched back


def test_epoch_loss_is_weighted_by_batch_size(setup):
    ns = setup
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 10))
    loss_fn = nn.CrossEntropyLoss()
    loader = DataLoader(ns["test_set"], batch_size=100)  # 359 = 3 * 100 + 59
    test_loss, _ = ns["test_loop"](loader, model, loss_fn)
    X = torch.stack([x for x, _ in ns["test_set"]])
    y = torch.stack([torch.as_tensor(label) for _, label in ns["test_set"]])
    with torch.no_grad():
        whole = F.cross_entropy(model(X), y).item()
        batch_means = [F.cross_entropy(model(xb), yb).item() for xb, yb in loader]
    assert test_loss == pytest.approx(whole, rel=1e-5)
    assert sum(batch_means) / len(batch_means) != pytest.approx(whole, rel=1e-5)  # the plain mean is off


def test_test_loop_changes_nothing_and_records_no_graph(setup):
    ns = setup
    model = ns["model"]
    before = [p.detach().clone() for p in model.parameters()]
    ns["test_loop"](ns["test_loader"], model, nn.CrossEntropyLoss())
    assert all(torch.equal(p, q) for p, q in zip(model.parameters(), before))
    with torch.no_grad():
        out = model(torch.randn(2, 64))
    assert not out.requires_grad and out.grad_fn is None


def test_eval_changes_layers_and_no_grad_does_not():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 4), nn.Dropout(0.5))
    x = torch.randn(3, 4)
    model.eval()
    assert not model[1].training
    with torch.no_grad():
        a = model(x)
    b = model(x)
    torch.testing.assert_close(a, b.detach())  # no_grad changes no output
    torch.testing.assert_close(a, model[0](x).detach())  # eval: dropout is the identity
    model.train()
    assert model[1].training


def test_accuracy_hand_count_versus_vectorised(setup):
    torch.manual_seed(0)
    scores = torch.randn(200, 10)
    targets = torch.randint(0, 10, (200,))
    by_hand = 0
    for row, target in zip(scores.tolist(), targets.tolist()):
        best = max(range(10), key=lambda k: row[k])
        by_hand += best == target
    assert (scores.argmax(dim=1) == targets).sum().item() == by_hand
    # softmax keeps the order, so it does not change the prediction
    assert torch.equal(scores.softmax(dim=1).argmax(dim=1), scores.argmax(dim=1))
    # the page's example
    scores = torch.tensor([[2.0, 0.1, -1.0], [0.3, 0.2, 1.5], [0.0, 3.0, 0.5], [1.0, 1.2, 0.9]])
    assert (scores.argmax(dim=1) == torch.tensor([0, 2, 2, 0])).sum().item() == 2
    # and the test loop's accuracy equals a count over single examples
    ns = setup
    model = ns["model"]
    _, accuracy = ns["test_loop"](ns["test_loader"], model, nn.CrossEntropyLoss())
    with torch.no_grad():
        correct = sum(int(model(x).argmax().item() == int(label)) for x, label in ns["test_set"])
    assert accuracy == correct / len(ns["test_set"])


# ---- the Trainer ------------------------------------------------------------------------------


def test_trainer_snippet():
    ns, out = run_snippet("trainer.py")
    history = ns["history"]
    assert list(history) == ["train_loss", "val_loss", "val_accuracy"]
    assert all(len(v) == 5 for v in history.values())
    losses = history["train_loss"]
    assert all(a > b for a, b in zip(losses, losses[1:]))
    assert history["val_accuracy"][-1] > 0.9 and ns["test_accuracy"] > 0.9
    assert [len(s) for s in ns["splits"]] == [1079, 359, 359]
    assert len(out.splitlines()) == 6
    trainer = ns["trainer"]
    # evaluate changes nothing and leaves eval mode; train_epoch switches back to train mode
    before = [p.detach().clone() for p in trainer.model.parameters()]
    trainer.evaluate(ns["val_loader"])
    assert not trainer.model.training
    assert all(torch.equal(p, q) for p, q in zip(trainer.model.parameters(), before))
    small = DataLoader(TensorDataset(torch.rand(8, 64), torch.randint(0, 10, (8,))), batch_size=4)
    trainer.train_epoch(small)
    assert trainer.model.training

"""Checks for docs/building-a-network.md."""

from __future__ import annotations

import math
import runpy
from pathlib import Path

import pytest
import torch
from torch import nn

from tests import codeblocks
from tests.checks import assert_defaults

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = ROOT / "snippets" / "building-a-network"
PAGE = ROOT / "docs" / "building-a-network.md"


@pytest.fixture(scope="module")
def digit_net():
    return runpy.run_path(str(SNIPPETS / "define_model.py"))["DigitNet"]


def test_device_choice_matches_availability():
    ns = runpy.run_path(str(SNIPPETS / "device.py"))
    if torch.cuda.is_available():
        assert ns["device"] == "cuda"
    elif torch.backends.mps.is_available():
        assert ns["device"] == "mps"
    else:
        assert ns["device"] == "cpu"
        # with the run-time check, no usable accelerator means None, whatever the build
        assert torch.accelerator.current_accelerator(check_available=True) is None


@pytest.mark.parametrize("usable", [False, True])
def test_accelerator_block_checks_the_device_is_usable(monkeypatch, capsys, usable):
    # pretend to be a CUDA build, with or without a GPU, whatever wheel runs the test
    monkeypatch.setattr(torch._C, "_accelerator_getAccelerator", lambda: torch.device("cuda"))
    monkeypatch.setattr(torch.cuda, "is_available", lambda: usable)
    assert torch.accelerator.current_accelerator().type == "cuda"  # the build alone says cuda
    assert torch.accelerator.is_available() is usable
    (block,) = [b for b in codeblocks.page_blocks(PAGE) if "current_accelerator" in b.code]
    exec(block.code, {"torch": torch})
    assert capsys.readouterr().out == ("cuda\n" if usable else "cpu\n")


def test_to_moves_modules_in_place_but_copies_tensors():
    model = nn.Linear(2, 2)
    assert model.to(torch.float64) is model
    assert model.weight.dtype == torch.float64
    t = torch.ones(2)
    moved = t.to(torch.float64)
    assert moved is not t and t.dtype == torch.float32


def test_flatten_defaults_keep_batch_dimension():
    assert_defaults(nn.Flatten, start_dim=1, end_dim=-1)
    assert nn.Flatten()(torch.zeros(5, 8, 8)).shape == (5, 64)


def test_linear_formula_and_parameter_count(digit_net):
    torch.manual_seed(0)
    layer = nn.Linear(64, 32)
    x = torch.randn(3, 64)
    assert layer.weight.shape == (32, 64)  # (out_features, in_features)
    torch.testing.assert_close(layer(x), x @ layer.weight.T + layer.bias)

    model = digit_net()
    counts = {name: p.numel() for name, p in model.named_parameters()}
    assert counts == {
        "linear_relu_stack.0.weight": 64 * 32,
        "linear_relu_stack.0.bias": 32,
        "linear_relu_stack.2.weight": 32 * 32,
        "linear_relu_stack.2.bias": 32,
        "linear_relu_stack.4.weight": 32 * 10,
        "linear_relu_stack.4.bias": 10,
    }
    assert sum(counts.values()) == 3466 == (64 * 32 + 32) + (32 * 32 + 32) + (32 * 10 + 10)
    assert all(p.requires_grad for p in model.parameters())
    assert model(torch.rand(3, 8, 8)).shape == (3, 10)


def test_relu_between_linears_matters():
    # without a non-linearity, two stacked linear layers are one linear map
    torch.manual_seed(0)
    a, b = nn.Linear(4, 5), nn.Linear(5, 3)
    x = torch.randn(6, 4)
    w = b.weight @ a.weight
    bias = b.weight @ a.bias + b.bias
    torch.testing.assert_close(b(a(x)), x @ w.T + bias)


def test_softmax_formula_default_dim_and_argmax():
    assert_defaults(nn.Softmax, dim=None)
    torch.manual_seed(0)
    z = torch.randn(4, 10) * 3
    by_hand = torch.exp(z) / torch.exp(z).sum(dim=1, keepdim=True)
    probs = nn.Softmax(dim=1)(z)
    torch.testing.assert_close(probs, by_hand)
    assert ((probs > 0) & (probs < 1)).all()
    torch.testing.assert_close(probs.sum(dim=1), torch.ones(4))
    assert torch.equal(probs.argmax(dim=1), z.argmax(dim=1))
    with pytest.warns(UserWarning, match="Implicit dimension choice"):
        nn.Softmax()(z)


def test_cross_entropy_takes_logits():
    torch.manual_seed(0)
    logits = torch.randn(5, 10)
    target = torch.randint(0, 10, (5,))
    by_hand = -torch.log_softmax(logits, dim=1)[torch.arange(5), target].mean()
    torch.testing.assert_close(nn.CrossEntropyLoss()(logits, target), by_hand)


def test_linear_default_init_is_kaiming_uniform_a_sqrt5():
    fan_in, fan_out = 64, 256
    torch.manual_seed(0)
    layer = nn.Linear(fan_in, fan_out)

    # the same random draws, made by hand
    torch.manual_seed(0)
    w = torch.empty(fan_out, fan_in)
    nn.init.kaiming_uniform_(w, a=math.sqrt(5))
    bound = 1 / math.sqrt(fan_in)
    b = torch.empty(fan_out).uniform_(-bound, bound)
    torch.testing.assert_close(layer.weight.detach(), w)
    torch.testing.assert_close(layer.bias.detach(), b)

    # gain sqrt(2/(1+a^2)) with a = sqrt(5) gives bound gain*sqrt(3/fan_in) = 1/sqrt(fan_in)
    gain = math.sqrt(2 / (1 + 5))
    assert math.isclose(nn.init.calculate_gain("leaky_relu", math.sqrt(5)), gain)
    assert math.isclose(gain * math.sqrt(3 / fan_in), bound)
    torch.manual_seed(0)
    w2 = torch.empty(fan_out, fan_in).uniform_(-bound, bound)
    torch.testing.assert_close(w, w2)

    # numerically: inside the bound, reaching it, std = bound / sqrt(3)
    assert layer.weight.abs().max() <= bound
    assert layer.weight.abs().max() > 0.99 * bound
    assert layer.bias.abs().max() <= bound
    assert abs(layer.weight.std().item() - bound / math.sqrt(3)) < 0.002
    # this is not He initialization (bound sqrt(6/fan_in))
    assert math.sqrt(6 / fan_in) > 2 * bound


def test_uniform_std():
    c = 0.5
    assert math.isclose(math.sqrt((2 * c) ** 2 / 12), c / math.sqrt(3))


def test_init_defaults():
    assert_defaults(nn.init.kaiming_uniform_, a=0, mode="fan_in", nonlinearity="leaky_relu")
    assert_defaults(nn.init.kaiming_normal_, a=0, mode="fan_in", nonlinearity="leaky_relu")
    assert_defaults(nn.init.xavier_uniform_, gain=1.0)
    assert_defaults(nn.init.xavier_normal_, gain=1.0)


def _same_draws(init, bound, shape=(50, 40)):
    torch.manual_seed(0)
    w = init(torch.empty(shape))
    torch.manual_seed(0)
    ref = torch.empty(shape).uniform_(-bound, bound)
    torch.testing.assert_close(w, ref)


def test_kaiming_and_xavier_bounds():
    fan_out, fan_in = 50, 40
    # He: gain sqrt(2), bound sqrt(6/fan_in)
    assert math.isclose(nn.init.calculate_gain("relu"), math.sqrt(2))
    _same_draws(lambda w: nn.init.kaiming_uniform_(w, nonlinearity="relu"), math.sqrt(6 / fan_in))
    # the plain call (leaky_relu with a=0) is the same as ReLU's He init
    _same_draws(nn.init.kaiming_uniform_, math.sqrt(6 / fan_in))
    assert math.isclose(math.sqrt(2 / (1 + 0**2)), nn.init.calculate_gain("relu"))
    # Xavier: gain 1, bound sqrt(6/(fan_in+fan_out))
    _same_draws(nn.init.xavier_uniform_, math.sqrt(6 / (fan_in + fan_out)))
    g = nn.init.calculate_gain("tanh")
    assert math.isclose(g, 5 / 3)
    _same_draws(lambda w: nn.init.xavier_uniform_(w, gain=g), g * math.sqrt(6 / (fan_in + fan_out)))


def test_custom_init_snippet_values():
    ns = runpy.run_path(str(SNIPPETS / "custom_init.py"))
    net = ns["net"]
    assert net[0].weight.abs().max() <= math.sqrt(6 / 64)
    assert (net[0].bias == 0).all()
    assert net[2].weight.abs().max() <= math.sqrt(6 / (256 + 10))


def test_lecun_normal_and_orthogonal():
    torch.manual_seed(0)
    w = nn.init.kaiming_normal_(torch.empty(400, 100), nonlinearity="linear")
    assert abs(w.std().item() - 1 / math.sqrt(100)) < 0.002
    q = nn.init.orthogonal_(torch.empty(8, 8))
    torch.testing.assert_close(q @ q.T, torch.eye(8), atol=1e-5, rtol=0)


def test_constant_init_keeps_units_identical():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 1))
    for p in net.parameters():
        nn.init.constant_(p, 0.3)
    net(torch.randn(10, 4)).pow(2).mean().backward()
    g = net[0].weight.grad
    assert torch.allclose(g, g[0].expand_as(g))  # every hidden unit gets the same gradient


def test_apply_visits_children_first_then_self():
    net = nn.Sequential(nn.Linear(2, 2), nn.ReLU())
    seen = []
    net.apply(lambda m: seen.append(m))
    assert seen == [net[0], net[1], net]


def test_train_eval_modes():
    assert_defaults(nn.Module.train, mode=True)
    net = nn.Sequential(nn.Linear(8, 8), nn.Dropout(p=0.5), nn.BatchNorm1d(8))
    assert net.training and all(m.training for m in net.modules())
    net.eval()
    assert not any(m.training for m in net.modules())
    net.train()
    net.train(False)  # eval() is train(False)
    assert not any(m.training for m in net.modules())

    # dropout: keep with probability 1-p, scale kept values by 1/(1-p); identity in eval
    drop = nn.Dropout(p=0.5)
    torch.manual_seed(0)
    y = drop(torch.ones(10_000))
    assert set(y.unique().tolist()) == {0.0, 2.0}
    assert abs(y.mean().item() - 1.0) < 0.05
    drop.eval()
    assert torch.equal(drop(torch.ones(5)), torch.ones(5))

    ns = runpy.run_path(str(SNIPPETS / "train_eval.py"))
    assert ns["net"].training


def test_batchnorm_uses_batch_stats_in_train_running_stats_in_eval():
    torch.manual_seed(0)
    bn = nn.BatchNorm1d(3)
    x = torch.randn(16, 3) * 4 + 2
    y = bn(x)  # training: normalised with batch statistics, running stats updated
    torch.testing.assert_close(y.mean(0), torch.zeros(3), atol=1e-5, rtol=0)
    assert not torch.equal(bn.running_mean, torch.zeros(3))
    bn.eval()
    by_hand = (x - bn.running_mean) / torch.sqrt(bn.running_var + bn.eps)
    torch.testing.assert_close(bn(x), by_hand * bn.weight + bn.bias)


def test_eval_does_not_disable_grad(digit_net):
    model = digit_net().eval()
    assert model(torch.rand(1, 8, 8)).requires_grad
    with torch.no_grad():
        assert not model(torch.rand(1, 8, 8)).requires_grad

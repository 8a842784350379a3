"""Facts on docs/activations/softmax-and-attention.md: formulas, defaults, claims and figure data."""

from __future__ import annotations

import contextlib
import inspect
import io
import math
import runpy
import warnings
from pathlib import Path

import pytest
import torch
from torch import nn
from torch.nn import functional as F
from torch.testing import assert_close

from plots.families import activations_vector as fam
from tests.checks import assert_defaults

F64 = torch.float64

# Ordinary logits and large-magnitude ones (e^1000 overflows even in float64).
INPUTS = [
    torch.tensor([1.0, 7.0, 2.0], dtype=F64),
    torch.tensor([[0.3, -1.2, 2.5, 0.0], [4.0, 4.0, -3.0, 1.5]], dtype=F64),
    torch.tensor([1000.0, 1001.0], dtype=F64),
    torch.tensor([-1000.0, -999.0, -1001.0], dtype=F64),
    torch.tensor([[-500.0, 0.0, 500.0], [800.0, -800.0, 799.0]], dtype=F64),
]


# -- hand formulas ---------------------------------------------------------------


def hand_logsumexp(x, dim=-1):
    """log sum_j e^{x_j}, with the maximum taken out first so nothing overflows."""
    m = x.amax(dim=dim, keepdim=True)
    return m + torch.log(torch.exp(x - m).sum(dim=dim, keepdim=True))


def hand_softmax(x, dim=-1):
    """e^{x_i} / sum_j e^{x_j}, computed as e^{x_i - max} / sum_j e^{x_j - max}."""
    e = torch.exp(x - x.amax(dim=dim, keepdim=True))
    return e / e.sum(dim=dim, keepdim=True)


def hand_log_softmax(x, dim=-1):
    return x - hand_logsumexp(x, dim)


def test_naive_softmax_formula_on_moderate_inputs():
    for x in INPUTS[:2]:
        assert_close(nn.Softmax(dim=-1)(x), torch.exp(x) / torch.exp(x).sum(dim=-1, keepdim=True))


@pytest.mark.parametrize("x", INPUTS, ids=range(len(INPUTS)))
def test_softmax_softmin_logsoftmax_formulas(x):
    assert_close(nn.Softmax(dim=-1)(x), hand_softmax(x))
    assert_close(nn.Softmin(dim=-1)(x), hand_softmax(-x))
    assert_close(nn.LogSoftmax(dim=-1)(x), hand_log_softmax(x))
    assert_close(torch.logsumexp(x, dim=-1, keepdim=True), hand_logsumexp(x))
    assert torch.isfinite(nn.Softmax(dim=-1)(x)).all()
    assert torch.isfinite(nn.LogSoftmax(dim=-1)(x)).all()


def test_overflow_claims():
    x = torch.tensor([1000.0, 1001.0])
    assert torch.isinf(torch.exp(x)).all()
    assert torch.isnan(torch.exp(x) / torch.exp(x).sum()).all()
    assert_close(torch.softmax(x, dim=0), torch.tensor([1 / (1 + math.e), math.e / (1 + math.e)]))
    assert_close(torch.softmax(x, dim=0), torch.softmax(x - x.max(), dim=0))
    # float64 overflows too
    assert torch.isinf(torch.exp(x.double())).all()
    # log(softmax) loses a tiny probability, log_softmax keeps it
    gap = torch.tensor([0.0, 200.0])
    assert torch.log(torch.softmax(gap, dim=0))[0] == -math.inf
    assert torch.equal(torch.log_softmax(gap, dim=0), torch.tensor([-200.0, 0.0]))


def test_softmax2d_is_softmax_over_channels():
    torch.manual_seed(0)
    x4 = torch.randn(2, 3, 4, 5, dtype=F64)
    assert_close(nn.Softmax2d()(x4), hand_softmax(x4, dim=1))
    assert_close(nn.Softmax2d()(x4[0]), hand_softmax(x4[0], dim=0))
    big = x4 * 1000
    assert_close(nn.Softmax2d()(big), hand_softmax(big, dim=-3))
    for bad in (torch.randn(3, 4), torch.randn(1, 2, 3, 4, 5)):
        with pytest.raises(ValueError, match="expected input to be 3D or 4D"):
            nn.Softmax2d()(bad)


def test_glu_formula():
    torch.manual_seed(0)
    x = torch.randn(3, 8, dtype=F64) * 50  # large magnitudes too
    a, b = x[:, :4], x[:, 4:]
    assert_close(nn.GLU()(x), a * torch.sigmoid(b))
    assert nn.GLU()(x).shape == (3, 4)
    y = torch.randn(4, 3, dtype=F64)
    assert_close(nn.GLU(dim=0)(y), y[:2] * torch.sigmoid(y[2:]))
    with pytest.raises(RuntimeError, match="Halving dimension must be even"):
        nn.GLU()(torch.randn(2, 5))


def hand_multihead_attention(mha, x):
    """Self-attention of one unbatched sequence x (L, E), as on the page."""
    e, h = mha.embed_dim, mha.num_heads
    d = e // h
    q, k, v = (x @ mha.in_proj_weight.T + mha.in_proj_bias).chunk(3, dim=-1)
    heads, weights = [], []
    for i in range(h):
        cols = slice(i * d, (i + 1) * d)
        w = torch.softmax(q[:, cols] @ k[:, cols].T / math.sqrt(d), dim=-1)
        weights.append(w)
        heads.append(w @ v[:, cols])
    out = torch.cat(heads, dim=-1) @ mha.out_proj.weight.T + mha.out_proj.bias
    return out, torch.stack(weights)


def test_multihead_attention_formula():
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(embed_dim=12, num_heads=3).double()
    x = torch.randn(6, 12, dtype=F64)
    out, per_head = mha(x, x, x, average_attn_weights=False)
    hand_out, hand_weights = hand_multihead_attention(mha, x)
    assert_close(per_head, hand_weights)
    assert_close(out, hand_out)
    # batched (L, N, E) gives the same per sequence
    out_b, w_b = mha(x[:, None], x[:, None], x[:, None], average_attn_weights=False)
    assert_close(out_b[:, 0], hand_out)
    assert_close(w_b[0], hand_weights)


def test_snippet_hand_computation_matches():
    """multihead_attention.py: the seeded module used on the page."""
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(embed_dim=8, num_heads=2)
    x = torch.randn(5, 1, 8)
    out, per_head = mha(x, x, x, average_attn_weights=False)
    hand_out, hand_weights = hand_multihead_attention(mha, x[:, 0])
    assert_close(per_head[0], hand_weights)
    assert_close(out[:, 0], hand_out)
    assert mha.head_dim == 4


# -- defaults --------------------------------------------------------------------


def test_defaults():
    for cls in (nn.Softmax, nn.Softmin, nn.LogSoftmax):
        assert_defaults(cls, dim=None)
    assert_defaults(F.softmax, dim=None)
    assert_defaults(nn.GLU, dim=-1)
    assert_defaults(
        nn.MultiheadAttention,
        dropout=0.0,
        bias=True,
        add_bias_kv=False,
        add_zero_attn=False,
        kdim=None,
        vdim=None,
        batch_first=False,
    )
    assert_defaults(
        nn.MultiheadAttention.forward,
        key_padding_mask=None,
        need_weights=True,
        attn_mask=None,
        average_attn_weights=True,
        is_causal=False,
    )
    # embed_dim and num_heads are required
    params = inspect.signature(nn.MultiheadAttention).parameters
    for name in ("embed_dim", "num_heads"):
        assert params[name].default is inspect.Parameter.empty
    # Softmax2d takes no arguments of its own: its dim is fixed at -3
    assert "dim" not in inspect.signature(nn.Softmax2d).parameters
    assert not hasattr(nn.Softmax2d(), "dim")


def test_implicit_dim_choice():
    """dim=None picks dim 0 for 0-, 1- and 3-D inputs and dim 1 otherwise, with a deprecation warning."""
    torch.manual_seed(0)
    expected = {0: 0, 1: 0, 2: 1, 3: 0, 4: 1, 5: 1}
    for ndim, dim in expected.items():
        x = torch.randn([3] * ndim)
        for cls, fn in ((nn.Softmax, torch.softmax), (nn.Softmin, lambda t, d: torch.softmax(-t, d)), (nn.LogSoftmax, torch.log_softmax)):
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                y = cls()(x)
            assert_close(y, fn(x, dim))
            assert len(caught) == 1 and caught[0].category is UserWarning
            assert "Implicit dimension choice" in str(caught[0].message) and "deprecated" in str(caught[0].message)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nn.Softmax(dim=1)(torch.randn(2, 3))  # an explicit dim never warns
    assert repr(nn.Softmax()) == "Softmax(dim=None)"


def test_all_six_modules_exist():
    for name in ("Softmax", "Softmin", "LogSoftmax", "Softmax2d", "GLU", "MultiheadAttention"):
        assert issubclass(getattr(nn, name), nn.Module)
        assert getattr(nn, name).__module__ == "torch.nn.modules.activation"


# -- properties ------------------------------------------------------------------


def test_softmax_properties():
    torch.manual_seed(0)
    x = torch.randn(5, 7, dtype=F64) * 3
    s = nn.Softmax(dim=1)(x)
    assert_close(s.sum(dim=1), torch.ones(5, dtype=F64))
    assert ((s > 0) & (s < 1)).all()
    assert_close(nn.Softmax(dim=1)(x + 123.4), s)  # adding a constant changes nothing
    assert_close(nn.Softmax(dim=1)(x + torch.randn(5, 1, dtype=F64)), s)  # per row too
    assert not torch.allclose(nn.Softmax(dim=1)(2 * x), s)  # scaling does change it
    assert torch.equal(s.argmax(dim=1), x.argmax(dim=1))  # order is kept
    assert torch.equal(s.argsort(dim=1), x.argsort(dim=1))
    # two classes: softmax is the sigmoid of the difference
    pair = torch.randn(10, 2, dtype=F64)
    assert_close(torch.softmax(pair, dim=1)[:, 0], torch.sigmoid(pair[:, 0] - pair[:, 1]))
    # floats: very unequal logits round to exactly 0 and 1
    assert torch.equal(torch.softmax(torch.tensor([0.0, 1000.0]), dim=0), torch.tensor([0.0, 1.0]))


def test_softmax_jacobian():
    x = torch.tensor([0.5, -1.0, 2.0, 0.1], dtype=F64)
    s = torch.softmax(x, dim=0)
    jac = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, dim=0), x)
    assert_close(jac, torch.diag(s) - torch.outer(s, s))
    jac_log = torch.autograd.functional.jacobian(lambda t: torch.log_softmax(t, dim=0), x)
    assert_close(jac_log, torch.eye(4, dtype=F64) - s.expand(4, 4))
    assert_close(jac.sum(dim=0), torch.zeros(4, dtype=F64))  # outputs always sum to 1


def test_worked_example_and_temperature():
    scores = torch.tensor([1.0, 7.0, 2.0])
    assert_close(torch.softmax(scores, dim=0), torch.tensor([0.0025, 0.9909, 0.0067]), atol=5e-5, rtol=0)
    expected = {
        0.5: [0.0000, 0.9999, 0.0000],
        1.0: [0.0025, 0.9909, 0.0067],
        2.0: [0.0440, 0.8835, 0.0725],
        5.0: [0.1805, 0.5991, 0.2204],
    }
    for t, values in expected.items():
        assert_close(torch.softmax(scores / t, dim=0), torch.tensor(values), atol=5e-5, rtol=0)
    # very low / high temperature: one-hot / uniform
    assert_close(torch.softmax(scores / 0.01, dim=0), torch.tensor([0.0, 1.0, 0.0]))
    assert_close(torch.softmax(scores / 1e6, dim=0), torch.full((3,), 1 / 3), atol=1e-5, rtol=0)
    # the argmax never changes with T > 0
    for t in (0.1, 1.0, 10.0, 100.0):
        assert torch.softmax(scores / t, dim=0).argmax() == 1


def test_softmin_properties():
    torch.manual_seed(0)
    x = torch.randn(4, 6, dtype=F64)
    m = nn.Softmin(dim=1)(x)
    assert_close(m, nn.Softmax(dim=1)(-x))
    assert_close(m.sum(dim=1), torch.ones(4, dtype=F64))
    assert torch.equal(m.argmax(dim=1), x.argmin(dim=1))
    d = torch.tensor([0.5, 2.0, 4.0])
    assert_close(nn.Softmin(dim=0)(d), torch.tensor([0.7979, 0.1780, 0.0241]), atol=5e-5, rtol=0)


def test_logsoftmax_properties():
    torch.manual_seed(0)
    x = torch.randn(4, 6, dtype=F64) * 10
    ls = nn.LogSoftmax(dim=1)(x)
    assert (ls <= 0).all()
    assert_close(ls.exp().sum(dim=1), torch.ones(4, dtype=F64))
    assert_close(ls, torch.log(torch.softmax(x, dim=1)))
    assert_close(nn.LogSoftmax(dim=1)(x - 77.0), ls)
    # a single entry: log-softmax is exactly 0
    assert torch.equal(torch.log_softmax(torch.tensor([3.0]), dim=0), torch.tensor([0.0]))
    # CrossEntropyLoss on logits == NLLLoss on LogSoftmax
    target = torch.tensor([0, 2, 1, 5])
    assert_close(nn.CrossEntropyLoss()(x, target), nn.NLLLoss()(ls, target))
    assert_close(nn.CrossEntropyLoss()(x, target), -ls[torch.arange(4), target].mean())


def test_glu_properties():
    torch.manual_seed(0)
    x = torch.randn(100, 4, dtype=F64) * 5
    y = nn.GLU()(x)
    a = x[:, :2]
    assert (y.abs() <= a.abs()).all()  # the gate only shrinks
    assert torch.equal(torch.sign(y), torch.sign(a))
    # gate wide open / shut
    big = torch.tensor([[3.0, 50.0], [3.0, -50.0]], dtype=F64)
    assert_close(nn.GLU()(big), torch.tensor([[3.0], [0.0]], dtype=F64), atol=1e-12, rtol=0)
    assert_close(nn.GLU()(torch.tensor([3.0, 0.0], dtype=F64)), torch.tensor([1.5], dtype=F64))
    assert sum(p.numel() for p in nn.GLU().parameters()) == 0


def test_multihead_attention_properties():
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(embed_dim=8, num_heads=2)
    assert sum(p.numel() for p in mha.parameters()) == 4 * 8 * 8 + 4 * 8 == 288
    x = torch.randn(5, 3, 8)  # (L, N, E)
    out, avg = mha(x, x, x)
    _, per_head = mha(x, x, x, average_attn_weights=False)
    assert out.shape == (5, 3, 8) and avg.shape == (3, 5, 5) and per_head.shape == (3, 2, 5, 5)
    assert_close(per_head.sum(dim=-1), torch.ones(3, 2, 5))
    assert ((per_head > 0) & (per_head < 1)).all()
    assert_close(avg, per_head.mean(dim=1))
    assert mha(x, x, x, need_weights=False)[1] is None
    # unbatched input
    out1, w1 = mha(x[:, 0], x[:, 0], x[:, 0])
    assert out1.shape == (5, 8) and w1.shape == (5, 5)
    # batch_first
    mbf = nn.MultiheadAttention(8, 2, batch_first=True)
    o, w = mbf(torch.randn(3, 5, 8), torch.randn(3, 7, 8), torch.randn(3, 7, 8))
    assert o.shape == (3, 5, 8) and w.shape == (3, 5, 7)
    # kdim / vdim
    mkv = nn.MultiheadAttention(8, 2, kdim=3, vdim=6)
    o, w = mkv(torch.randn(5, 8), torch.randn(7, 3), torch.randn(7, 6))
    assert o.shape == (5, 8) and w.shape == (5, 7)
    # add_bias_kv and add_zero_attn each add one key position
    mz = nn.MultiheadAttention(8, 2, add_bias_kv=True, add_zero_attn=True)
    assert mz(x[:, 0], x[:, 0], x[:, 0])[1].shape == (5, 7)
    # embed_dim must split evenly over the heads
    with pytest.raises(AssertionError, match="divisible"):
        nn.MultiheadAttention(8, 3)
    # a causal mask blocks the future: zero weight above the diagonal
    mask = torch.triu(torch.ones(5, 5, dtype=torch.bool), diagonal=1)
    _, wc = mha(x[:, 0], x[:, 0], x[:, 0], attn_mask=mask)
    assert torch.equal(wc.triu(diagonal=1), torch.zeros(5, 5))


def test_multihead_attention_dropout_weights():
    """With dropout in training mode the returned weights are the dropped-out ones."""
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 2, dropout=0.5)
    x = torch.randn(5, 8)
    _, w = mha(x, x, x)
    assert not torch.allclose(w.sum(dim=-1), torch.ones(5))
    mha.eval()
    _, w = mha(x, x, x)
    assert_close(w.sum(dim=-1), torch.ones(5))


# -- figure data -----------------------------------------------------------------


@pytest.mark.parametrize("module", ["Softmax", "Softmin", "LogSoftmax"])
@pytest.mark.parametrize("temperature", [0.5, 1.0, 2.0, 5.0])
def test_slice_data_is_the_module(module, temperature):
    z, f, dz = fam.slice_data(module, temperature, points=61)
    z = torch.tensor(z, dtype=F64)
    rows = torch.stack([z, torch.zeros_like(z), torch.ones_like(z)], dim=1) / temperature
    assert_close(torch.tensor(f, dtype=F64), getattr(nn, module)(dim=-1)(rows)[:, 0])
    p = hand_softmax(rows)[:, 0]
    q = hand_softmax(-rows)[:, 0]
    derivative = {"Softmax": p * (1 - p), "Softmin": -q * (1 - q), "LogSoftmax": 1 - p}[module] / temperature
    assert_close(torch.tensor(dz, dtype=F64), derivative)


def test_softmax2d_data_is_the_module():
    x, p = fam.softmax2d_data()
    x, p = torch.tensor(x, dtype=F64), torch.tensor(p, dtype=F64)
    assert x.shape == p.shape == (3, 4, 4)
    assert_close(p, nn.Softmax2d()(x))
    assert_close(p, hand_softmax(x, dim=0))
    assert_close(p.sum(dim=0), torch.ones(4, 4, dtype=F64))
    torch.manual_seed(0)
    assert_close(x, torch.randn(3, 4, 4, dtype=F64))


def test_glu_data_is_the_module():
    b, outputs = fam.glu_data(points=41)
    b = torch.tensor(b, dtype=F64)
    for a, out in zip(fam.GLU_LINEAR, outputs):
        rows = torch.stack([torch.full_like(b, a), b], dim=1)
        assert_close(torch.tensor(out, dtype=F64), nn.GLU()(rows)[:, 0])
        assert_close(torch.tensor(out, dtype=F64), a * torch.sigmoid(b))


def test_attention_data_is_the_module():
    per_head, average = fam.attention_data()
    per_head, average = torch.tensor(per_head), torch.tensor(average)
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 2)
    x = torch.randn(5, 8)
    _, expected = mha(x, x, x, average_attn_weights=False)
    assert_close(per_head, expected.detach())
    assert_close(average, mha(x, x, x)[1].detach())
    assert_close(average, per_head.mean(dim=0))
    assert_close(per_head.sum(dim=-1), torch.ones(2, 5))
    # the figure's weights are those of the page's snippet (same seed, batch of one)
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 2)
    xb = torch.randn(5, 1, 8)
    assert_close(per_head, mha(xb, xb, xb, average_attn_weights=False)[1][0].detach())


def test_figures_declared():
    names = [fig.name for fig in fam.FIGURES]
    assert names == [f"activations/{n}" for n in ("softmax", "softmin", "logsoftmax", "softmax2d", "glu", "multiheadattention")]


# -- further claims in the prose ---------------------------------------------------


def test_overflow_thresholds_and_worked_numbers():
    assert torch.isfinite(torch.exp(torch.tensor(88.7))) and torch.isinf(torch.exp(torch.tensor(88.8)))
    assert torch.isfinite(torch.exp(torch.tensor(709.7, dtype=F64))) and torch.isinf(torch.exp(torch.tensor(709.8, dtype=F64)))
    assert round(math.exp(1), 1) == 2.7 and round(math.exp(7)) == 1097 and round(math.exp(2), 1) == 7.4
    assert round(math.exp(5)) == 148


def test_cross_entropy_claims():
    torch.manual_seed(0)
    logits = torch.randn(4, 3, dtype=F64, requires_grad=True)
    target = torch.tensor([0, 2, 1, 2])
    nn.CrossEntropyLoss(reduction="sum")(logits, target).backward()
    assert_close(logits.grad, torch.softmax(logits, dim=1).detach() - F.one_hot(target, 3).to(F64))
    # a softmax in front of CrossEntropyLoss changes the loss
    assert not torch.allclose(nn.CrossEntropyLoss()(torch.softmax(logits, dim=1), target), nn.CrossEntropyLoss()(logits, target))
    # (N, C, H, W) logits with (N, H, W) targets
    seg = torch.randn(2, 3, 4, 4, dtype=F64)
    seg_target = torch.randint(0, 3, (2, 4, 4))
    assert_close(nn.CrossEntropyLoss()(seg, seg_target), nn.NLLLoss()(torch.log(nn.Softmax2d()(seg)), seg_target))
    # KLDivLoss takes log-probabilities as its input, CTCLoss log-probabilities too
    p = torch.softmax(torch.randn(5, dtype=F64), dim=0)
    q = torch.softmax(torch.randn(5, dtype=F64), dim=0)
    assert_close(nn.KLDivLoss(reduction="sum")(q.log(), p), (p * (p.log() - q.log())).sum())
    assert "log_probs" in inspect.signature(nn.CTCLoss.forward).parameters


def test_attention_scaling_and_equivariance():
    torch.manual_seed(0)
    d_k = 16
    q, k = torch.randn(20000, d_k, dtype=F64), torch.randn(20000, d_k, dtype=F64)
    assert abs((q * k).sum(dim=1).var().item() / d_k - 1) < 0.05
    mha = nn.MultiheadAttention(8, 2).double()
    x = torch.randn(6, 8, dtype=F64)
    perm = torch.tensor([3, 0, 5, 1, 4, 2])
    out, _ = mha(x, x, x)
    out_p, _ = mha(x[perm], x[perm], x[perm])
    assert_close(out_p, out[perm])
    # add_bias_kv and add_zero_attn each add one key position on their own
    for kwargs in ({"add_bias_kv": True}, {"add_zero_attn": True}):
        assert nn.MultiheadAttention(8, 2, **kwargs)(x.float(), x.float(), x.float())[1].shape == (6, 7)


def test_key_padding_mask_hides_keys():
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 2)
    x = torch.randn(5, 2, 8)
    pad = torch.zeros(2, 5, dtype=torch.bool)
    pad[:, -1] = True  # the last token of each sequence is padding
    _, w = mha(x, x, x, key_padding_mask=pad)
    assert torch.equal(w[:, :, -1], torch.zeros(2, 5))
    assert_close(w.sum(dim=-1), torch.ones(2, 5))


def test_log_softmax_is_idempotent_so_it_changes_nothing_in_front_of_cross_entropy():
    torch.manual_seed(0)
    logits = torch.randn(8, 5, dtype=F64) * 3
    target = torch.randint(0, 5, (8,))
    assert_close(F.log_softmax(F.log_softmax(logits, dim=1), dim=1), F.log_softmax(logits, dim=1))
    losses, grads = [], []
    for front in (lambda z: z, lambda z: F.log_softmax(z, dim=1), lambda z: F.softmax(z, dim=1)):
        z = logits.clone().requires_grad_(True)
        loss = F.cross_entropy(front(z), target)
        loss.backward()
        losses.append(loss)
        grads.append(z.grad)
    assert_close(losses[1], losses[0])
    assert_close(grads[1], grads[0])
    assert not torch.allclose(losses[2], losses[0]) and not torch.allclose(grads[2], grads[0])


def test_normalise_twice_snippet_trains_identically_with_log_softmax():
    snippet = Path(__file__).resolve().parents[1] / "snippets/activations/softmax-and-attention/normalise_twice.py"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(snippet))
    rows = {line.split()[0]: line for line in out.getvalue().splitlines()}
    final = {name: float(line.rsplit(":", 1)[1]) for name, line in rows.items()}
    assert final["LogSoftmax"] == final["logits"] < final["Softmax"]
    assert "True" in rows["LogSoftmax"] and "False" in rows["Softmax"]


def test_cross_entropy_of_softmax_outputs_has_a_floor():
    """CrossEntropyLoss fed probabilities cannot go below ln(1 + (K - 1)/e), reached by a certain, right prediction."""
    for k in (2, 3, 10):
        floor = math.log(1 + (k - 1) / math.e)
        one_hot = torch.eye(k, dtype=F64)[:1]
        assert F.cross_entropy(one_hot, torch.tensor([0])).item() == pytest.approx(floor)
        gen = torch.Generator().manual_seed(k)
        probs = torch.softmax(5 * torch.randn(2000, k, generator=gen, dtype=F64), dim=1)
        assert F.cross_entropy(probs, torch.zeros(2000, dtype=torch.long), reduction="none").min() >= floor


def test_log_softmax_range_exact_and_in_float32():
    # exact arithmetic (float64, moderate logits): strictly negative for two or more entries
    x = torch.randn(1000, 4, generator=torch.Generator().manual_seed(0), dtype=F64) * 3
    assert (F.log_softmax(x, dim=1) < 0).all()
    assert torch.equal(F.log_softmax(torch.tensor([2.5]), dim=0), torch.tensor([0.0]))
    # float32: the winner rounds to exactly 0 once the others are about 17 below
    assert torch.equal(F.log_softmax(torch.tensor([0.0, -200.0]), dim=0), torch.tensor([0.0, -200.0]))
    assert F.log_softmax(torch.tensor([0.0, -16.0]), dim=0)[0] < 0
    assert F.log_softmax(torch.tensor([0.0, -17.0]), dim=0)[0] == 0
    # what counts is the others' share sum_j e^(x_j - max) against 2^-24
    assert F.log_softmax(torch.tensor([0.0] + [-17.0] * 10), dim=0)[0] < 0  # 10 e^-17 = 4e-7
    assert F.log_softmax(torch.tensor([0.0] + [-20.0] * 10), dim=0)[0] == 0  # 10 e^-20 = 2e-8
    assert 10 * math.exp(-17) > 2**-24 > 10 * math.exp(-20) and round(2**-24, 8) == 6e-8


def test_need_weights_false_hands_attention_to_sdpa(monkeypatch):
    calls = []
    sdpa = F.scaled_dot_product_attention

    def spy(*args, **kwargs):
        calls.append(1)
        return sdpa(*args, **kwargs)

    monkeypatch.setattr(F, "scaled_dot_product_attention", spy)
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 2)  # training mode with gradients: the module's own fast path is off
    x = torch.randn(5, 1, 8, requires_grad=True)
    out, weights = mha(x, x, x, need_weights=False)
    assert weights is None and calls
    calls.clear()
    out_with, weights = mha(x, x, x)
    assert weights is not None and not calls
    assert_close(out, out_with)

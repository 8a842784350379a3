"""Checks for docs/nn/attention.md: attention formulas, masks, MultiheadAttention and positional encoding."""

import math
import runpy
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from plots.families import attention as family
from tests.checks import assert_defaults

SNIPPETS = Path(__file__).resolve().parent.parent / "snippets" / "nn" / "attention"


def _attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores + mask
    return torch.softmax(scores, dim=-1) @ v


def _causal(n, dtype=torch.float64):
    mask = torch.zeros(n, n, dtype=dtype)
    for i in range(n):
        for j in range(i + 1, n):
            mask[i, j] = float("-inf")
    return mask


@pytest.fixture
def qkv():
    torch.manual_seed(0)
    return (torch.randn(2, 3, 5, 8, dtype=torch.float64),
            torch.randn(2, 3, 6, 8, dtype=torch.float64),
            torch.randn(2, 3, 6, 4, dtype=torch.float64))


def test_sdpa_formula(qkv):
    q, k, v = qkv
    torch.testing.assert_close(F.scaled_dot_product_attention(q, k, v), _attention(q, k, v))


def test_sdpa_scale_argument(qkv):
    q, k, v = qkv
    by_hand = torch.softmax(q @ k.transpose(-2, -1) * 0.3, dim=-1) @ v
    torch.testing.assert_close(F.scaled_dot_product_attention(q, k, v, scale=0.3), by_hand)


def test_sdpa_dropout_applies_regardless_of_mode(qkv):
    q, k, v = qkv
    torch.manual_seed(0)
    a = F.scaled_dot_product_attention(q, k, v, dropout_p=0.5)
    b = F.scaled_dot_product_attention(q, k, v, dropout_p=0.5)
    assert not torch.allclose(a, b)
    # default: no dropout (deterministic and equal to the formula)
    torch.testing.assert_close(F.scaled_dot_product_attention(q, k, v), F.scaled_dot_product_attention(q, k, v))


def test_causal_mask_equals_is_causal(qkv):
    q, k, v = qkv
    k, v = k[..., :5, :], v[..., :5, :]
    mask = _causal(5)
    assert torch.equal(mask, torch.full((5, 5), float("-inf"), dtype=torch.float64).triu(diagonal=1))
    expected = _attention(q, k, v, mask)
    torch.testing.assert_close(F.scaled_dot_product_attention(q, k, v, is_causal=True), expected)
    # boolean mask for SDPA: True = may attend
    allowed = torch.ones(5, 5, dtype=torch.bool).tril()
    torch.testing.assert_close(F.scaled_dot_product_attention(q, k, v, attn_mask=allowed), expected)
    # first query attends only to itself
    weights = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(8) + mask, dim=-1)
    assert torch.all(weights[..., 0, 0] == 1)
    assert torch.all(weights.triu(diagonal=1) == 0)


def test_scaling_keeps_unit_variance():
    torch.manual_seed(0)
    d = 64
    dots = (torch.randn(10_000, d) * torch.randn(10_000, d)).sum(-1)
    assert abs(dots.var().item() / d - 1) < 0.05
    assert abs((dots / math.sqrt(d)).var().item() - 1) < 0.05


def _mha_by_hand(mha, query, key, value, mask=None):
    """Batch-first MultiheadAttention with the module's own weights."""
    n, length, e = query.shape
    s, h = key.shape[1], mha.num_heads
    w_q, w_k, w_v = mha.in_proj_weight.chunk(3)
    b_q, b_k, b_v = mha.in_proj_bias.chunk(3)
    q, k, v = query @ w_q.T + b_q, key @ w_k.T + b_k, value @ w_v.T + b_v
    q = q.view(n, length, h, e // h).transpose(1, 2)
    k = k.view(n, s, h, e // h).transpose(1, 2)
    v = v.view(n, s, h, e // h).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(e // h)
    if mask is not None:
        scores = scores + mask
    weights = torch.softmax(scores, dim=-1)
    heads = (weights @ v).transpose(1, 2).reshape(n, length, e)
    return heads @ mha.out_proj.weight.T + mha.out_proj.bias, weights


def test_multihead_by_hand():
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(embed_dim=12, num_heads=3, batch_first=True).double()
    # non-zero biases so that they are checked too
    nn.init.normal_(mha.in_proj_bias)
    nn.init.normal_(mha.out_proj.bias)
    x, mem = torch.randn(2, 4, 12, dtype=torch.float64), torch.randn(2, 7, 12, dtype=torch.float64)
    for query, key in ((x, x), (x, mem)):
        out, avg = mha(query, key, key)
        out_hand, weights = _mha_by_hand(mha, query, key, key)
        torch.testing.assert_close(out, out_hand)
        torch.testing.assert_close(avg, weights.mean(dim=1))
        _, per_head = mha(query, key, key, average_attn_weights=False)
        torch.testing.assert_close(per_head, weights)
        assert avg.shape == (2, 4, key.shape[1]) and per_head.shape == (2, 3, 4, key.shape[1])


def test_multihead_seq_first_default():
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 2)
    x = torch.randn(5, 3, 8)  # (L, N, E)
    out, w = mha(x, x, x)
    assert out.shape == (5, 3, 8) and w.shape == (3, 5, 5)


def test_multihead_defaults():
    assert_defaults(nn.MultiheadAttention, dropout=0.0, bias=True, add_bias_kv=False, add_zero_attn=False,
                    kdim=None, vdim=None, batch_first=False)
    assert_defaults(nn.MultiheadAttention.forward, key_padding_mask=None, need_weights=True, attn_mask=None,
                    average_attn_weights=True, is_causal=False)


def test_multihead_details():
    with pytest.raises(AssertionError, match="divisible"):
        nn.MultiheadAttention(8, 3)
    # the parameter count does not depend on the number of heads
    counts = {sum(p.numel() for p in nn.MultiheadAttention(16, h).parameters()) for h in (1, 2, 4, 8)}
    assert counts == {4 * 16 * 16 + 4 * 16}
    separate = nn.MultiheadAttention(8, 2, kdim=5, vdim=3)
    assert separate.in_proj_weight is None
    assert separate.k_proj_weight.shape == (8, 5) and separate.v_proj_weight.shape == (8, 3)
    torch.manual_seed(0)
    x = torch.randn(2, 4, 8)
    mha = nn.MultiheadAttention(8, 2, batch_first=True)
    out, none = mha(x, x, x, need_weights=False)
    assert none is None
    torch.testing.assert_close(out, mha(x, x, x)[0])
    with pytest.raises(RuntimeError, match="Need attn_mask"):
        mha(x, x, x, is_causal=True)


def test_multihead_dropout_only_in_training():
    torch.manual_seed(0)
    x = torch.randn(2, 4, 8)
    mha = nn.MultiheadAttention(8, 2, dropout=0.5, batch_first=True)
    assert not torch.allclose(mha(x, x, x)[0], mha(x, x, x)[0])
    mha.eval()
    torch.testing.assert_close(mha(x, x, x)[0], mha(x, x, x)[0])


def test_multihead_masks():
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 2, batch_first=True).double()
    x = torch.randn(2, 4, 8, dtype=torch.float64)
    # MHA boolean masks: True = blocked; float masks are added
    blocked = torch.ones(4, 4, dtype=torch.bool).triu(diagonal=1)
    out_bool, _ = mha(x, x, x, attn_mask=blocked)
    out_float, _ = mha(x, x, x, attn_mask=_causal(4))
    torch.testing.assert_close(out_bool, out_float)
    torch.testing.assert_close(out_float, _mha_by_hand(mha, x, x, x, _causal(4))[0])
    # per-sequence-and-head mask (N * h, L, S)
    out_3d, _ = mha(x, x, x, attn_mask=_causal(4).expand(4, 4, 4))
    torch.testing.assert_close(out_3d, out_float)
    # key padding: padded keys get zero weight from every query
    padding = torch.tensor([[False] * 4, [False, False, True, True]])
    _, w = mha(x, x, x, key_padding_mask=padding)
    assert torch.all(w[1, :, 2:] == 0)
    torch.testing.assert_close(w.sum(-1), torch.ones(2, 4, dtype=torch.float64))
    pad_float = torch.zeros(2, 4, dtype=torch.float64).masked_fill(padding, float("-inf"))
    torch.testing.assert_close(mha(x, x, x, key_padding_mask=pad_float)[0], mha(x, x, x, key_padding_mask=padding)[0])


def test_self_attention_is_permutation_equivariant():
    torch.manual_seed(0)
    mha = nn.MultiheadAttention(8, 2, batch_first=True).double()
    x = torch.randn(2, 6, 8, dtype=torch.float64)
    perm = torch.randperm(6)
    torch.testing.assert_close(mha(x[:, perm], x[:, perm], x[:, perm])[0], mha(x, x, x)[0][:, perm])


def _pe_loop(positions, d):
    """The formula, one entry at a time."""
    return torch.tensor([[math.sin(pos / 10000 ** (c / d)) if c % 2 == 0 else math.cos(pos / 10000 ** ((c - 1) / d))
                          for c in range(d)] for pos in range(positions)], dtype=torch.float64)


@pytest.fixture(scope="module")
def snippet_encoding():
    return runpy.run_path(str(SNIPPETS / "positional_encoding.py"))["sinusoidal_encoding"]


def test_positional_encoding_formula(snippet_encoding):
    expected = _pe_loop(50, 32)
    torch.testing.assert_close(snippet_encoding(50, 32).double(), expected, atol=1e-5, rtol=0)
    torch.testing.assert_close(torch.tensor(family.positional_encoding_data(50, 32), dtype=torch.float64), expected)


def test_positional_encoding_properties(snippet_encoding):
    d = 32
    pe = torch.tensor(family.positional_encoding_data(200, d), dtype=torch.float64)
    assert pe.abs().max() <= 1
    assert torch.equal(pe[0], torch.tensor([0.0, 1.0] * (d // 2), dtype=torch.float64))
    assert torch.equal(snippet_encoding(5, 8)[0], torch.tensor([0.0, 1.0] * 4))
    torch.testing.assert_close(pe.norm(dim=1), torch.full((200,), math.sqrt(d / 2), dtype=torch.float64))
    # rows are distinct
    assert torch.cdist(pe, pe).add(torch.eye(200, dtype=torch.float64)).min() > 0.1
    # wavelengths 2*pi*10000^(2i/d): 2*pi for the first pair, below 10000*2*pi for the last
    wavelengths = [2 * math.pi * 10000 ** (2 * i / d) for i in range(d // 2)]
    assert wavelengths[0] == 2 * math.pi and wavelengths[-1] < 10000 * 2 * math.pi
    # a shift by k positions is one fixed linear map (a rotation per sin/cos pair)
    k = 7
    pairs = torch.stack([pe[:-k, 0::2], pe[:-k, 1::2]], dim=-1)  # (P-k, d/2, 2): (sin, cos)
    shifted = torch.stack([pe[k:, 0::2], pe[k:, 1::2]], dim=-1)
    freq = 1 / 10000 ** (torch.arange(0, d, 2, dtype=torch.float64) / d)
    c, s = torch.cos(k * freq), torch.sin(k * freq)
    rot = torch.stack([torch.stack([c, s], -1), torch.stack([-s, c], -1)], -2)  # (d/2, 2, 2)
    torch.testing.assert_close(torch.einsum("pia,iab->pib", pairs, rot.transpose(-1, -2)), shifted)


def test_positional_encoding_broadcast(snippet_encoding):
    pe = snippet_encoding(10, 32)
    batch_first = torch.zeros(3, 10, 32) + pe[:10]
    seq_first = torch.zeros(10, 3, 32) + pe[:10].unsqueeze(1)
    torch.testing.assert_close(batch_first, seq_first.transpose(0, 1))


def test_causal_weights_figure_data():
    weights = torch.tensor(family.causal_weights_data(8, 16, 0), dtype=torch.float64)
    torch.manual_seed(0)
    q = torch.randn(8, 16, dtype=torch.float64)
    k = torch.randn(8, 16, dtype=torch.float64)
    expected = torch.softmax(q @ k.T / 4 + _causal(8), dim=-1)
    torch.testing.assert_close(weights, expected)
    assert torch.all(weights.triu(diagonal=1) == 0)
    torch.testing.assert_close(weights.sum(-1), torch.ones(8, dtype=torch.float64))


def test_figures_declared():
    assert {f.name for f in family.FIGURES} == {"attention/positional-encoding", "attention/causal-weights"}

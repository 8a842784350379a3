"""Checks for docs/nn/transformer.md: layer formulas, defaults, causal and padding masks."""

import contextlib
import io
import math
import runpy
import warnings
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from tests.checks import assert_defaults

D, H, FF = 16, 2, 32


def _causal(n):
    mask = torch.zeros(n, n)
    for i in range(n):
        mask[i, i + 1:] = float("-inf")
    return mask


def _randomize_norms(module):
    """LayerNorms start as the identity affine map; make them non-trivial so the test sees them."""
    for m in module.modules():
        if isinstance(m, nn.LayerNorm):
            nn.init.normal_(m.weight)
            nn.init.normal_(m.bias)


def _attn(mha, q, kv, mask=None):
    return mha(q, kv, kv, attn_mask=mask, need_weights=False)[0]


def _ff(layer, x, act=F.relu):
    return layer.linear2(act(layer.linear1(x)))


def _ln(norm, x):
    mean = x.mean(-1, keepdim=True)
    var = x.var(-1, unbiased=False, keepdim=True)
    return (x - mean) / torch.sqrt(var + norm.eps) * norm.weight + norm.bias


@pytest.fixture
def x():
    torch.manual_seed(0)
    return torch.randn(2, 5, D)


def test_encoder_layer_post_norm(x):
    torch.manual_seed(1)
    layer = nn.TransformerEncoderLayer(D, H, FF, batch_first=True).eval()
    _randomize_norms(layer)
    mask = _causal(5)
    h = _ln(layer.norm1, x + _attn(layer.self_attn, x, x, mask))
    h = _ln(layer.norm2, h + _ff(layer, h))
    with torch.no_grad():
        torch.testing.assert_close(layer(x, src_mask=mask), h.detach())


def test_encoder_layer_pre_norm_and_gelu(x):
    torch.manual_seed(2)
    layer = nn.TransformerEncoderLayer(D, H, FF, batch_first=True, norm_first=True, activation="gelu").eval()
    _randomize_norms(layer)
    h = x + _attn(layer.self_attn, _ln(layer.norm1, x), _ln(layer.norm1, x))
    h = h + _ff(layer, _ln(layer.norm2, h), F.gelu)
    with torch.no_grad():
        torch.testing.assert_close(layer(x), h.detach())


def test_encoder_layer_callable_activation(x):
    torch.manual_seed(3)
    layer = nn.TransformerEncoderLayer(D, H, FF, batch_first=True, activation=torch.tanh).eval()
    h = layer.norm1(x + _attn(layer.self_attn, x, x))
    h = layer.norm2(h + _ff(layer, h, torch.tanh))
    with torch.no_grad():
        torch.testing.assert_close(layer(x), h.detach())


def test_decoder_layer_post_norm(x):
    torch.manual_seed(4)
    layer = nn.TransformerDecoderLayer(D, H, FF, batch_first=True).eval()
    _randomize_norms(layer)
    memory = torch.randn(2, 7, D)
    mask = _causal(5)
    h = _ln(layer.norm1, x + _attn(layer.self_attn, x, x, mask))
    h = _ln(layer.norm2, h + _attn(layer.multihead_attn, h, memory))
    h = _ln(layer.norm3, h + _ff(layer, h))
    with torch.no_grad():
        torch.testing.assert_close(layer(x, memory, tgt_mask=mask), h.detach())


def test_decoder_layer_pre_norm(x):
    torch.manual_seed(5)
    layer = nn.TransformerDecoderLayer(D, H, FF, batch_first=True, norm_first=True).eval()
    _randomize_norms(layer)
    memory = torch.randn(2, 7, D)
    h = x + _attn(layer.self_attn, _ln(layer.norm1, x), _ln(layer.norm1, x))
    h = h + _attn(layer.multihead_attn, _ln(layer.norm2, h), memory)
    h = h + _ff(layer, _ln(layer.norm3, h))
    with torch.no_grad():
        torch.testing.assert_close(layer(x, memory), h.detach())


def test_defaults():
    shared = dict(dim_feedforward=2048, dropout=0.1, activation=F.relu, layer_norm_eps=1e-5, batch_first=False,
                  norm_first=False, bias=True)
    assert_defaults(nn.TransformerEncoderLayer, **shared)
    assert_defaults(nn.TransformerDecoderLayer, **shared)
    assert_defaults(nn.Transformer, d_model=512, nhead=8, num_encoder_layers=6, num_decoder_layers=6, **shared)
    assert_defaults(nn.TransformerEncoder, norm=None, enable_nested_tensor=True)
    assert_defaults(nn.TransformerDecoder, norm=None)


def test_dropout_everywhere_and_bias_switch():
    layer = nn.TransformerEncoderLayer(D, H, FF, dropout=0.3)
    assert [m.p for m in (layer.dropout, layer.dropout1, layer.dropout2)] == [0.3] * 3
    assert layer.linear1.out_features == FF and layer.linear2.in_features == FF
    plain = nn.TransformerEncoderLayer(D, H, FF, bias=False)
    assert plain.linear1.bias is None and plain.linear2.bias is None and plain.norm1.bias is None
    assert plain.self_attn.in_proj_bias is None


def test_dropout_only_in_training(x):
    torch.manual_seed(0)
    layer = nn.TransformerEncoderLayer(D, H, FF, batch_first=True)
    assert not torch.allclose(layer(x), layer(x))
    layer.eval()
    torch.testing.assert_close(layer(x), layer(x))


def test_default_feedforward_dominates_small_model():
    layer = nn.TransformerEncoderLayer(d_model=16, nhead=2)
    ff = sum(p.numel() for m in (layer.linear1, layer.linear2) for p in m.parameters())
    total = sum(p.numel() for p in layer.parameters())
    assert ff / total > 0.95


def test_shapes(x):
    torch.manual_seed(0)
    enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, FF, batch_first=True), 3, enable_nested_tensor=False)
    assert enc(x).shape == x.shape
    dec = nn.TransformerDecoder(nn.TransformerDecoderLayer(D, H, FF, batch_first=True), 2)
    assert dec(x[:, :4], torch.randn(2, 9, D)).shape == (2, 4, D)
    model = nn.Transformer(D, H, 2, 2, FF, batch_first=True)
    assert model(torch.randn(2, 9, D), x[:, :4]).shape == (2, 4, D)
    with pytest.warns(UserWarning, match="enable_nested_tensor is True"):
        seq_first = nn.Transformer(D, H, 1, 1, FF)
    assert seq_first(torch.randn(9, 2, D), torch.randn(4, 2, D)).shape == (4, 2, D)


def test_encoder_copies_start_equal():
    torch.manual_seed(0)
    enc = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, FF, batch_first=True), 3, enable_nested_tensor=False)
    p0, p1 = dict(enc.layers[0].named_parameters()), dict(enc.layers[1].named_parameters())
    for name in p0:
        assert torch.equal(p0[name], p1[name]) and p0[name] is not p1[name]


def test_transformer_final_norms_and_xavier():
    torch.manual_seed(0)
    model = nn.Transformer(D, H, 2, 2, FF, batch_first=True)
    assert isinstance(model.encoder.norm, nn.LayerNorm) and isinstance(model.decoder.norm, nn.LayerNorm)
    assert not torch.equal(model.encoder.layers[0].linear1.weight, model.encoder.layers[1].linear1.weight)
    for p in model.parameters():
        if p.dim() > 1:
            fan_out, fan_in = p.shape
            bound = math.sqrt(6 / (fan_in + fan_out))
            assert p.abs().max() <= bound and p.abs().max() > 0.9 * bound


def test_generate_square_subsequent_mask():
    for n in (1, 4, 7):
        mask = nn.Transformer.generate_square_subsequent_mask(n)
        assert torch.equal(mask, _causal(n))
        assert torch.equal(mask, torch.full((n, n), float("-inf")).triu(diagonal=1))
        assert mask.dtype == torch.float32


def test_is_causal_needs_the_mask(x):
    layer = nn.TransformerEncoderLayer(D, H, FF, batch_first=True)
    with pytest.raises(RuntimeError, match="Need attn_mask"):
        layer(x, is_causal=True)


@pytest.mark.parametrize("t", [1, 3, 5])
def test_no_future_leak_encoder(t):
    torch.manual_seed(0)
    model = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, FF, batch_first=True), 2,
                                  enable_nested_tensor=False).eval()
    mask = nn.Transformer.generate_square_subsequent_mask(6)
    x = torch.randn(2, 6, D)
    changed = x.clone()
    changed[:, t] = torch.randn(2, D)
    with torch.no_grad():
        y, y2 = model(x, mask=mask), model(changed, mask=mask)
        y_free, y2_free = model(x), model(changed)
    assert torch.equal(y[:, :t], y2[:, :t])
    assert (y[:, t:] - y2[:, t:]).abs().amax(dim=(0, 2)).min() > 0
    assert (y_free[:, :t] - y2_free[:, :t]).abs().amax(dim=(0, 2)).min() > 0


def test_no_future_leak_full_transformer():
    torch.manual_seed(0)
    model = nn.Transformer(D, H, 1, 2, FF, batch_first=True).eval()
    src, tgt = torch.randn(2, 7, D), torch.randn(2, 5, D)
    mask = nn.Transformer.generate_square_subsequent_mask(5)
    changed = tgt.clone()
    changed[:, 2] += 1.0
    with torch.no_grad():
        y, y2 = model(src, tgt, tgt_mask=mask), model(src, changed, tgt_mask=mask)
    torch.testing.assert_close(y[:, :2], y2[:, :2], atol=0, rtol=0)
    assert not torch.allclose(y[:, 2:], y2[:, 2:])


def test_padding_mask_hides_padding():
    torch.manual_seed(0)
    model = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, FF, batch_first=True), 2,
                                  enable_nested_tensor=False).eval()
    x = torch.randn(2, 5, D)
    padding = torch.tensor([[False] * 5, [False, False, False, True, True]])
    other = x.clone()
    other[1, 3:] = 100.0
    with torch.no_grad():
        y, y_other = model(x, src_key_padding_mask=padding), model(other, src_key_padding_mask=padding)
        y_nomask, y_other_nomask = model(x), model(other)
    torch.testing.assert_close(y[1, :3], y_other[1, :3])
    torch.testing.assert_close(y[0], y_other[0])
    assert not torch.allclose(y_nomask[1, :3], y_other_nomask[1, :3])


def test_nested_tensor_fast_path_zeros_padding_and_warns_for_seq_first():
    torch.manual_seed(0)
    layer = nn.TransformerEncoderLayer(D, H, FF, batch_first=True)
    fast = nn.TransformerEncoder(layer, 2).eval()
    padding = torch.tensor([[False] * 5, [False, False, False, True, True]])
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # prototype-stage notice about nested tensors
        y = fast(torch.randn(2, 5, D), src_key_padding_mask=padding)
    assert torch.all(y[1, 3:] == 0)
    with pytest.warns(UserWarning, match="enable_nested_tensor is True"):
        nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, FF), 2)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, FF, batch_first=True), 2)
        nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, FF), 2, enable_nested_tensor=False)


def test_mixed_mask_types_warn(x):
    model = nn.TransformerEncoder(nn.TransformerEncoderLayer(D, H, FF, batch_first=True), 1,
                                  enable_nested_tensor=False)
    padding = torch.tensor([[False] * 5, [False, False, False, True, True]])
    with pytest.warns(UserWarning, match="mismatched"):
        model(x, mask=nn.Transformer.generate_square_subsequent_mask(5), src_key_padding_mask=padding)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        model(x, mask=nn.Transformer.generate_square_subsequent_mask(5).isinf(), src_key_padding_mask=padding)


def test_encoder_classifier_ignores_padding_and_beats_the_majority_answer():
    snippet = Path(__file__).resolve().parents[1] / "snippets" / "nn" / "transformer" / "encoder_classifier.py"
    with contextlib.redirect_stdout(io.StringIO()):
        ns = runpy.run_path(str(snippet))
    model, tokens, labels = ns["model"], ns["tokens"], ns["labels"]
    assert 0.55 < labels.float().mean().item() < 0.65  # the "always yes" baseline the page quotes
    with torch.no_grad():
        assert (model(tokens).argmax(1) == labels).float().mean().item() >= 0.995
        # a sequence alone gives the same logits as inside a padded batch
        length = int((tokens[0] != 0).sum())
        torch.testing.assert_close(model(tokens[:1, :length]), model(tokens)[:1])
    # P(token 7 occurs) for lengths 4..12, uniform: 1 - mean((8/9)**L)
    assert 1 - sum((8 / 9) ** n for n in range(4, 13)) / 9 == pytest.approx(0.59, abs=0.005)

"""Checks for docs/nn/index.md (the torch.nn module tour)."""

from __future__ import annotations

import importlib
import inspect
import re
import runpy
import warnings
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.modules import activation, loss

from tests.checks import assert_defaults

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "nn" / "index.md"
SNIPPETS = ROOT / "snippets" / "nn" / "index"


def resolve(dotted: str):
    """Resolve 'nn.utils.rnn.pad_sequence' etc. against torch.nn, importing submodules."""
    obj = torch
    path = "torch"
    for part in dotted.split("."):
        path += "." + part
        try:
            obj = getattr(obj, part)
        except AttributeError:
            obj = importlib.import_module(path)
    return obj


def page_names() -> set[str]:
    text = PAGE.read_text()
    return {m.rstrip(".") for m in re.findall(r"`(nn\.[A-Za-z_][\w.]*)", text)}


def test_every_named_class_exists():
    names = page_names()
    assert len(names) > 100
    for name in sorted(names):
        assert resolve(name) is not None, name


def test_table_classes_are_modules():
    # every `nn.Xxx` in the first column of a table is a module class (or a utility)
    text = PAGE.read_text()
    for row in re.findall(r"^\| (`nn\.[^|]+)\|", text, flags=re.M):
        for name in re.findall(r"`(nn\.[\w.]+)`", row):
            obj = resolve(name)
            if not name.startswith("nn.utils"):
                assert isinstance(obj, type) and issubclass(obj, nn.Module), name


def test_counts_stated_on_page():
    text = PAGE.read_text()
    text = " ".join(text.split())
    assert len(activation.__all__) == 29 and "29 activation modules" in text
    losses = [n for n in dir(nn) if isinstance(getattr(nn, n), type) and issubclass(getattr(nn, n), loss._Loss)]
    assert len(losses) == 23 and "has 23 loss modules" in text
    for name in losses:
        if name != "NLLLoss2d":  # deprecated alias taking *args, **kwargs
            assert_defaults(getattr(nn, name), reduction="mean")


def test_module_and_functional_agree():
    x = torch.randn(10)
    torch.testing.assert_close(nn.ReLU()(x), F.relu(x))


def test_convolution_family():
    x = torch.randn(1, 3, 8, 8)
    assert nn.ConvTranspose2d(3, 3, kernel_size=2, stride=2)(x).shape == (1, 3, 16, 16)
    unfold = nn.Unfold(kernel_size=2, stride=2)
    cols = unfold(x)
    assert cols.shape == (1, 3 * 4, 16)
    torch.testing.assert_close(nn.Fold(output_size=(8, 8), kernel_size=2, stride=2)(cols), x)
    # overlapping patches are summed by Fold
    ones = torch.ones(1, 1, 3, 3)
    folded = nn.Fold((3, 3), kernel_size=2)(nn.Unfold(kernel_size=2)(ones))
    assert folded[0, 0, 1, 1].item() == 4.0


def test_pooling_family():
    x = torch.randn(1, 2, 6, 6)
    for pool in (nn.MaxPool2d(2), nn.AvgPool2d(2), nn.AdaptiveAvgPool2d(3), nn.LPPool2d(2, 2)):
        assert list(pool.parameters()) == []
    torch.testing.assert_close(nn.MaxPool2d(2)(x), F.max_pool2d(x, 2))
    for size in (7, 10, 13):
        assert nn.AdaptiveAvgPool2d((2, 3))(torch.randn(1, 1, size, size)).shape == (1, 1, 2, 3)
    # LPPool: p-norm of each window
    p = 3.0
    a = torch.rand(1, 1, 4, 4)
    by_hand = F.avg_pool2d(a**p, 2).mul(4).pow(1 / p)
    torch.testing.assert_close(nn.LPPool2d(p, 2)(a), by_hand)
    # MaxUnpool puts maxima back, zeros elsewhere
    out, idx = nn.MaxPool2d(2, return_indices=True)(a)
    un = nn.MaxUnpool2d(2)(out, idx)
    assert un.shape == a.shape and (un != 0).sum() == 4
    assert torch.equal(un.amax(), a.amax())
    assert nn.FractionalMaxPool2d(2, output_ratio=0.7)(torch.randn(1, 1, 10, 10)).shape == (1, 1, 7, 7)


def test_padding_table():
    x = torch.tensor([[[1.0, 2.0, 3.0]]])
    expected = {
        nn.ZeroPad1d(2): [0, 0, 1, 2, 3, 0, 0],
        nn.ConstantPad1d(2, 9.0): [9, 9, 1, 2, 3, 9, 9],
        nn.ReflectionPad1d(2): [3, 2, 1, 2, 3, 2, 1],
        nn.ReplicationPad1d(2): [1, 1, 1, 2, 3, 3, 3],
        nn.CircularPad1d(2): [2, 3, 1, 2, 3, 1, 2],
    }
    for layer, values in expected.items():
        assert layer(x).flatten().tolist() == values, layer
        row = f"`{values}`".replace(" ", "").replace(",", ", ")
        assert row in PAGE.read_text(), row
    assert set(inspect.signature(nn.Conv2d).parameters) >= {"padding", "padding_mode"}
    for mode in ("zeros", "reflect", "replicate", "circular"):
        nn.Conv1d(1, 1, 3, padding=1, padding_mode=mode)(x)


def test_normalization_family():
    torch.manual_seed(0)
    x = torch.randn(8, 4, 5, 5) * 3 + 1
    y = nn.BatchNorm2d(4)(x)  # per channel, across batch and positions
    torch.testing.assert_close(y.mean(dim=(0, 2, 3)), torch.zeros(4), atol=1e-5, rtol=0)
    t = torch.randn(6, 10) * 2 + 5
    torch.testing.assert_close(nn.LayerNorm(10)(t).mean(dim=1), torch.zeros(6), atol=1e-5, rtol=0)
    g = nn.GroupNorm(2, 4)(x).reshape(8, 2, -1)  # per sample, per group of 2 channels
    torch.testing.assert_close(g.mean(dim=2), torch.zeros(8, 2), atol=1e-5, rtol=0)
    i = nn.InstanceNorm2d(4)(x)  # per sample and channel
    torch.testing.assert_close(i.mean(dim=(2, 3)), torch.zeros(8, 4), atol=1e-5, rtol=0)
    # RMSNorm: divide by the root mean square, no mean subtraction
    rms = nn.RMSNorm(10)
    eps = torch.finfo(t.dtype).eps
    torch.testing.assert_close(rms(t), t / torch.sqrt(t.pow(2).mean(dim=1, keepdim=True) + eps))
    assert rms(t).mean().item() > 0.5  # not zero-centred
    # learnable scale and shift: "most", not all
    assert_defaults(nn.BatchNorm2d, affine=True)
    assert_defaults(nn.LayerNorm, elementwise_affine=True)
    assert_defaults(nn.GroupNorm, affine=True)
    assert_defaults(nn.InstanceNorm2d, affine=False)
    # eval mode uses running averages
    bn = nn.BatchNorm1d(3)
    bn(torch.randn(16, 3) * 4 + 2)
    bn.eval()
    z = torch.randn(5, 3)
    torch.testing.assert_close(bn(z), (z - bn.running_mean) / torch.sqrt(bn.running_var + bn.eps))


def test_recurrent_family():
    torch.manual_seed(0)
    rnn = nn.RNN(3, 4)
    assert_defaults(nn.RNNCell, nonlinearity="tanh")
    assert rnn.nonlinearity == "tanh"
    x = torch.randn(5, 1, 3)  # (seq, batch, feature)
    out, h = rnn(x)
    h_t = torch.zeros(1, 4)
    for t in range(5):
        h_t = torch.tanh(x[t] @ rnn.weight_ih_l0.T + rnn.bias_ih_l0 + h_t @ rnn.weight_hh_l0.T + rnn.bias_hh_l0)
        torch.testing.assert_close(out[t], h_t)
    _, (h, c) = nn.LSTM(3, 4)(x)  # hidden and cell state
    assert h.shape == c.shape == (1, 1, 4)
    _, h = nn.GRU(3, 4)(x)  # no cell state
    assert isinstance(h, torch.Tensor)
    assert nn.LSTMCell(3, 4)(x[0])[0].shape == (1, 4)  # a single step


def test_transformer_family():
    for cls in (nn.Transformer, nn.TransformerEncoderLayer, nn.TransformerDecoderLayer, nn.MultiheadAttention):
        assert_defaults(cls, batch_first=False)
    enc = nn.TransformerEncoderLayer(8, 2)
    dec = nn.TransformerDecoderLayer(8, 2)
    assert hasattr(enc, "self_attn") and hasattr(enc, "linear1") and hasattr(enc, "linear2")
    assert hasattr(dec, "self_attn") and hasattr(dec, "multihead_attn") and hasattr(dec, "linear1")
    stack = nn.TransformerEncoder(enc, num_layers=3, enable_nested_tensor=False)
    assert len(stack.layers) == 3
    assert stack(torch.randn(5, 2, 8)).shape == (5, 2, 8)


def test_linear_family():
    torch.manual_seed(0)
    bil = nn.Bilinear(3, 4, 2)
    x1, x2 = torch.randn(5, 3), torch.randn(5, 4)
    by_hand = torch.einsum("ni,kij,nj->nk", x1, bil.weight, x2) + bil.bias
    torch.testing.assert_close(bil(x1, x2), by_hand)
    x = torch.randn(3, 3)
    assert nn.Identity()(x) is x
    lin = nn.Linear(3, 2)
    torch.testing.assert_close(lin(x), x @ lin.weight.T + lin.bias)


def test_dropout_family():
    torch.manual_seed(0)
    x = torch.ones(4, 16, 5, 5)
    y = nn.Dropout2d(p=0.5)(x)
    per_channel = y.flatten(2)
    # each channel is either all zero or all scaled by 1/(1-p)
    assert ((per_channel == 0).all(dim=2) | (per_channel == 2).all(dim=2)).all()
    d = nn.Dropout(p=0.25)(torch.ones(10_000))
    assert set(d.unique().tolist()) == {0.0, torch.tensor(1 / 0.75).item()}
    z = torch.randn(200_000)
    a = nn.AlphaDropout(p=0.2)(z)
    assert abs(a.mean().item()) < 0.02 and abs(a.std().item() - 1) < 0.02
    m = nn.Dropout(p=0.5).eval()
    assert torch.equal(m(z), z)


def test_sparse_family():
    assert_defaults(nn.Embedding, sparse=False, padding_idx=None)
    assert_defaults(nn.EmbeddingBag, mode="mean")
    torch.manual_seed(0)
    emb = nn.Embedding(10, 3)
    idx = torch.tensor([1, 4, 4, 9])
    torch.testing.assert_close(emb(idx), emb.weight[idx])
    torch.testing.assert_close(emb(idx), F.one_hot(idx, 10).float() @ emb.weight)
    bag = nn.EmbeddingBag(10, 3)
    bags = torch.tensor([[1, 2, 3], [4, 5, 6]])
    torch.testing.assert_close(bag(bags), bag.weight[bags].mean(dim=1))
    sp = nn.Embedding(10, 3, sparse=True)
    sp(idx).sum().backward()
    assert sp.weight.grad.is_sparse


def test_distance_formulas_and_defaults():
    assert_defaults(nn.CosineSimilarity, dim=1, eps=1e-8)
    assert_defaults(nn.PairwiseDistance, p=2.0, eps=1e-6, keepdim=False)
    torch.manual_seed(0)
    a, b = torch.randn(5, 4), torch.randn(5, 4)
    cos = (a * b).sum(1) / (a.norm(dim=1).clamp(min=1e-8) * b.norm(dim=1).clamp(min=1e-8))
    torch.testing.assert_close(nn.CosineSimilarity()(a, b), cos)
    assert (cos.abs() <= 1).all()
    # each norm is clamped on its own, not their product
    tiny = torch.tensor([[1e-5, 0.0]], dtype=torch.float64)
    assert nn.CosineSimilarity()(tiny, tiny).item() == pytest.approx(1.0)
    shorter = tiny * 1e-4  # norm 1e-9 < eps: clamped to 1e-8 twice
    assert nn.CosineSimilarity()(shorter, shorter).item() == pytest.approx(0.01)
    for p in (1.0, 2.0, 3.0):
        by_hand = (a - b + 1e-6).abs().pow(p).sum(1).pow(1 / p)
        torch.testing.assert_close(nn.PairwiseDistance(p=p)(a, b), by_hand)
    # row i with row i, not all pairs
    assert nn.PairwiseDistance()(a, b).shape == (5,)
    torch.testing.assert_close(nn.PairwiseDistance(eps=0.0)(a, b), torch.cdist(a, b).diagonal())
    ns = runpy.run_path(str(SNIPPETS / "distance.py"))
    torch.testing.assert_close(ns["cos"](ns["a"], ns["b"]), torch.tensor([0.0, 1.0]))


def test_loss_table_claims():
    torch.manual_seed(0)
    logits = torch.randn(6, 4)
    target = torch.randint(0, 4, (6,))
    log_probs = torch.log_softmax(logits, dim=1)
    torch.testing.assert_close(nn.CrossEntropyLoss()(logits, target), nn.NLLLoss()(log_probs, target))
    probs_target = torch.softmax(torch.randn(6, 4), dim=1)
    by_hand = -(probs_target * log_probs).sum(1).mean()
    torch.testing.assert_close(nn.CrossEntropyLoss()(logits, probs_target), by_hand)
    z, y = torch.randn(6), torch.randint(0, 2, (6,)).float()
    torch.testing.assert_close(nn.BCEWithLogitsLoss()(z, y), nn.BCELoss()(torch.sigmoid(z), y))
    pred, true = torch.randn(6), torch.randn(6)
    torch.testing.assert_close(nn.MSELoss()(pred, true), ((pred - true) ** 2).mean())
    torch.testing.assert_close(nn.L1Loss()(pred, true), (pred - true).abs().mean())
    # Huber: squared near zero, linear beyond delta
    delta = 1.0
    e = torch.tensor([0.5, 3.0])
    huber = torch.where(e.abs() < delta, 0.5 * e**2, delta * (e.abs() - 0.5 * delta))
    torch.testing.assert_close(nn.HuberLoss(reduction="none", delta=delta)(e, torch.zeros(2)), huber)
    torch.testing.assert_close(nn.SmoothL1Loss(reduction="none", beta=1.0)(e, torch.zeros(2)), huber)
    # KLDivLoss: log-probabilities as input, probabilities as target by default
    assert_defaults(nn.KLDivLoss, log_target=False)
    q = torch.softmax(torch.randn(6, 4), dim=1)
    kl = nn.KLDivLoss(reduction="sum")(log_probs, q)
    torch.testing.assert_close(kl, (q * (q.log() - log_probs)).sum())
    assert "log_probs" in inspect.signature(nn.CTCLoss.forward).parameters


def test_vision_layers():
    torch.manual_seed(0)
    r, c, h, w = 2, 3, 4, 5
    x = torch.randn(1, c * r * r, h, w)
    by_hand = x.view(1, c, r, r, h, w).permute(0, 1, 4, 2, 5, 3).reshape(1, c, h * r, w * r)
    up = nn.PixelShuffle(r)(x)
    torch.testing.assert_close(up, by_hand)
    torch.testing.assert_close(nn.PixelUnshuffle(r)(up), x)
    assert_defaults(nn.Upsample, mode="nearest")
    torch.testing.assert_close(nn.Upsample(scale_factor=2)(x), F.interpolate(x, scale_factor=2, mode="nearest"))
    torch.testing.assert_close(
        nn.UpsamplingBilinear2d(scale_factor=2)(x),
        F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=True),
    )
    assert "deprecated" in nn.UpsamplingNearest2d.__doc__
    assert "deprecated" in nn.UpsamplingBilinear2d.__doc__
    for layer in (nn.PixelShuffle(2), nn.Upsample(scale_factor=2), nn.ChannelShuffle(2)):
        assert list(layer.parameters()) == []


def test_channel_shuffle_by_hand():
    g, c = 3, 6
    x = torch.randn(2, c, 4, 4)
    by_hand = x.view(2, g, c // g, 4, 4).transpose(1, 2).reshape(2, c, 4, 4)
    torch.testing.assert_close(nn.ChannelShuffle(g)(x), by_hand)
    ns = runpy.run_path(str(SNIPPETS / "vision_shapes.py"))
    assert ns["shuffled"].flatten().long().tolist() == [0, 3, 1, 4, 2, 5]
    assert ns["up"].shape == (1, 2, 6, 6)


def test_data_parallel_facts():
    assert_defaults(nn.DataParallel, dim=0)
    assert "summed into the original module" in nn.DataParallel.__doc__
    assert "recommended to use" in nn.DataParallel.__doc__ and "DistributedDataParallel" in nn.DataParallel.__doc__
    assert issubclass(nn.parallel.DistributedDataParallel, nn.Module)
    ddp_doc = " ".join(nn.parallel.DistributedDataParallel.__doc__.split())
    assert "gradients between different nodes are averaged" in ddp_doc


def test_utilities():
    torch.manual_seed(0)
    model = nn.Linear(10, 10)
    model(torch.randn(8, 10)).pow(2).sum().backward()
    grads = [p.grad.clone() for p in model.parameters()]
    total = torch.cat([g.flatten() for g in grads]).norm()
    returned = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0)
    torch.testing.assert_close(returned, total)
    for g, p in zip(grads, model.parameters()):
        torch.testing.assert_close(p.grad, g * (1.0 / (total + 1e-6)))  # same direction, rescaled
    assert_defaults(nn.utils.clip_grad_norm_, norm_type=2.0)

    nn.utils.clip_grad_value_(model.parameters(), clip_value=0.01)
    assert max(p.grad.abs().max() for p in model.parameters()) <= 0.01

    vec = nn.utils.parameters_to_vector(model.parameters())
    assert vec.shape == (110,)
    nn.utils.vector_to_parameters(vec * 0 + 1, model.parameters())
    assert all((p == 1).all() for p in model.parameters())

    class Symmetric(nn.Module):
        def forward(self, X):
            return X.triu() + X.triu(1).T

    lin = nn.Linear(3, 3)
    nn.utils.parametrize.register_parametrization(lin, "weight", Symmetric())
    assert torch.equal(lin.weight, lin.weight.T)
    for name in ("weight_norm", "spectral_norm", "orthogonal"):
        assert callable(getattr(nn.utils.parametrizations, name))
    q = nn.utils.parametrizations.orthogonal(nn.Linear(4, 4))
    torch.testing.assert_close(q.weight @ q.weight.T, torch.eye(4), atol=1e-5, rtol=0)

    import torch.nn.utils.prune as prune

    pr = nn.Linear(4, 4)
    prune.l1_unstructured(pr, "weight", amount=0.5)
    assert (pr.weight == 0).sum() == 8

    assert_defaults(nn.utils.rnn.pad_sequence, batch_first=False, padding_value=0.0)
    seqs = [torch.tensor([1, 2, 3]), torch.tensor([4]), torch.tensor([5, 6])]
    padded = nn.utils.rnn.pad_sequence(seqs, batch_first=True)
    assert padded.tolist() == [[1, 2, 3], [4, 0, 0], [5, 6, 0]]
    packed = nn.utils.rnn.pack_padded_sequence(padded.T.unsqueeze(-1).float(), [3, 1, 2], enforce_sorted=False)
    assert packed.data.shape[0] == 6  # only the 6 real elements

    assert_defaults(nn.Flatten, start_dim=1, end_dim=-1)
    t = torch.randn(2, 3, 4, 5)
    assert nn.Flatten()(t).shape == (2, 60)
    assert nn.Unflatten(1, (3, 20))(nn.Flatten()(t)).shape == (2, 3, 20)
    runpy.run_path(str(SNIPPETS / "utilities.py"))


def test_quantized_and_lazy():
    import torch.ao.nn.quantized as qnn
    import torch.ao.quantization as tq

    assert hasattr(qnn, "Linear")
    model = nn.Sequential(nn.Linear(4, 4))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tq.quantize_dynamic(model, {nn.Linear}, dtype=torch.qint8)
    messages = [str(w.message) for w in caught]
    assert any("torch.ao.quantization is deprecated" in m for m in messages)
    assert any("quantized tensor creation functions" in m and "deprecated" in m for m in messages)

    layer = nn.LazyLinear(4)
    assert isinstance(layer.weight, nn.parameter.UninitializedParameter)
    layer(torch.randn(2, 7))
    assert type(layer) is nn.Linear and layer.in_features == 7
    assert layer.weight.shape == (4, 7)
    ns = runpy.run_path(str(SNIPPETS / "lazy.py"))
    assert ns["y"].shape == (2, 4)

"""Checks for docs/nn/linear-dropout-embedding.md: every formula, default and claim on the page."""

import math

import torch
import torch.nn.functional as F
from torch import nn

from tests.checks import assert_defaults

# ---- defaults ---------------------------------------------------------------------------------


def test_defaults():
    assert_defaults(nn.Linear, bias=True)
    assert_defaults(nn.Bilinear, bias=True)
    for cls in (nn.Dropout, nn.Dropout1d, nn.Dropout2d, nn.Dropout3d, nn.AlphaDropout, nn.FeatureAlphaDropout):
        assert_defaults(cls, p=0.5)
    assert_defaults(nn.Embedding, padding_idx=None)
    assert_defaults(nn.Embedding.from_pretrained, freeze=True)
    assert_defaults(nn.EmbeddingBag, mode="mean")
    assert_defaults(torch.optim.SGD, weight_decay=0)
    assert_defaults(torch.optim.Adam, weight_decay=0)
    assert_defaults(torch.optim.AdamW, weight_decay=0.01)
    assert_defaults(nn.Transformer, dropout=0.1)
    assert_defaults(nn.TransformerEncoderLayer, dropout=0.1)


# ---- linear layers ------------------------------------------------------------------------------


def test_linear_formula_and_shapes():
    torch.manual_seed(0)
    layer = nn.Linear(3, 2).double()
    assert layer.weight.shape == (2, 3) and layer.bias.shape == (2,)
    x = torch.randn(5, 7, 3, dtype=torch.float64)
    y = layer(x)
    assert y.shape == (5, 7, 2)
    expected = torch.stack([x @ layer.weight[k] + layer.bias[k] for k in range(2)], dim=-1)
    torch.testing.assert_close(y, expected)
    torch.testing.assert_close(y, x @ layer.weight.T + layer.bias)
    assert nn.Linear(3, 2, bias=False).bias is None


def test_linear_init_bounds():
    torch.manual_seed(0)
    for fan_in in (4, 100, 400):
        layer = nn.Linear(fan_in, 300)
        bound = 1 / math.sqrt(fan_in)
        for p in (layer.weight, layer.bias):
            assert p.abs().max() <= bound
            assert p.abs().max() > 0.95 * bound  # really uses the whole interval
        # uniform on [-b, b] has standard deviation b / sqrt(3)
        assert abs(layer.weight.std().item() - bound / math.sqrt(3)) < 0.05 * bound


def test_two_linear_layers_are_one_affine_map():
    torch.manual_seed(0)
    a, b = nn.Linear(4, 5).double(), nn.Linear(5, 3).double()
    x = torch.randn(6, 4, dtype=torch.float64)
    torch.testing.assert_close(b(a(x)), x @ (b.weight @ a.weight).T + (b.weight @ a.bias + b.bias))


def test_bilinear_formula():
    torch.manual_seed(0)
    layer = nn.Bilinear(3, 4, 2).double()
    assert layer.weight.shape == (2, 3, 4) and layer.bias.shape == (2,)
    x1 = torch.randn(5, 3, dtype=torch.float64)
    x2 = torch.randn(5, 4, dtype=torch.float64)
    y = layer(x1, x2)
    for n in range(5):
        for k in range(2):
            torch.testing.assert_close(y[n, k], x1[n] @ layer.weight[k] @ x2[n] + layer.bias[k])


def test_identity():
    x = torch.randn(2, 3)
    assert nn.Identity()(x) is x
    assert nn.Identity(54, unused="anything")(x) is x
    assert len(list(nn.Identity().parameters())) == 0


# ---- dropout ------------------------------------------------------------------------------------


def test_dropout_scaling_and_eval():
    torch.manual_seed(0)
    x = torch.randn(10_000).abs() + 0.1  # no zeros in the input
    for p in (0.2, 0.25, 0.5, 0.8):
        drop = nn.Dropout(p)
        assert drop.training  # modules start in training mode
        y = drop(x)
        kept = y != 0
        torch.testing.assert_close(y[kept], x[kept] / (1 - p))  # kept values scaled by 1/(1-p)
        assert 0 < kept.sum() < x.numel()
        assert torch.equal(drop.eval()(x), x)  # identity in eval mode


def test_dropout_keep_rate_and_mean():
    torch.manual_seed(0)
    x = torch.ones(100_000)
    for p in (0.2, 0.5, 0.8):
        y = nn.Dropout(p)(x)
        keep = (y != 0).float().mean().item()
        assert abs(keep - (1 - p)) < 0.01  # about 5 standard deviations
        assert abs(y.mean().item() - 1.0) < 0.03  # expectation unchanged


def test_dropout_snippet_scales():
    torch.manual_seed(0)
    x = torch.arange(1.0, 13.0)
    y = nn.Dropout(0.5)(x)
    assert set((y[y != 0] / x[y != 0]).tolist()) == {2.0}
    y = nn.Dropout(0.25)(x)
    torch.testing.assert_close(y[y != 0], x[y != 0] / 0.75)


def test_channel_dropout():
    torch.manual_seed(0)
    x = torch.ones(8, 16, 3, 3)
    y = nn.Dropout2d(0.5)(x)
    per_channel_min, per_channel_max = y.amin(dim=(2, 3)), y.amax(dim=(2, 3))
    assert torch.equal(per_channel_min, per_channel_max)  # each channel is constant
    assert set(per_channel_min.unique().tolist()) == {0.0, 2.0}
    # one decision per (sample, channel): different samples drop different channels
    assert not torch.equal(per_channel_min[0], per_channel_min[1])
    y1 = nn.Dropout1d(0.5)(torch.ones(8, 16, 5))
    assert torch.equal(y1.amin(-1), y1.amax(-1))
    y3 = nn.Dropout3d(0.5)(torch.ones(4, 8, 2, 3, 3))
    assert torch.equal(y3.amin(dim=(2, 3, 4)), y3.amax(dim=(2, 3, 4)))


def test_alpha_dropout_formula():
    torch.manual_seed(0)
    lam, alpha = 1.0507009873554805, 1.6732632423543772  # SELU's constants
    alpha_prime = -lam * alpha
    assert abs(alpha_prime - (-1.7581)) < 1e-4
    torch.testing.assert_close(nn.SELU()(torch.tensor(-100.0, dtype=torch.float64)),
                               torch.tensor(alpha_prime, dtype=torch.float64))  # negative saturation value
    for p in (0.2, 0.5):
        a = 1 / math.sqrt((1 - p) * (1 + p * alpha_prime**2))
        b = -a * p * alpha_prime
        x = torch.randn(200_000, dtype=torch.float64)
        y = nn.AlphaDropout(p)(x)
        kept = torch.isclose(y, a * x + b)
        dropped = torch.isclose(y, torch.full_like(y, a * alpha_prime + b))
        assert (kept | dropped).all()
        assert abs(dropped.double().mean().item() - p) < 0.01
        assert abs(y.mean().item()) < 0.01 and abs(y.std().item() - 1) < 0.01  # mean 0, variance 1 kept
        layer = nn.AlphaDropout(p).eval()
        assert torch.equal(layer(x), x)
    # plain dropout changes the standard deviation to 1/sqrt(1-p)
    y = nn.Dropout(0.2)(torch.randn(200_000))
    assert abs(y.std().item() - 1 / math.sqrt(0.8)) < 0.01


# ---- embeddings -----------------------------------------------------------------------------------


def test_embedding_lookup():
    torch.manual_seed(0)
    emb = nn.Embedding(10, 3)
    assert emb.weight.shape == (10, 3)
    ids = torch.tensor([[1, 2, 4], [4, 3, 9]])
    out = emb(ids)
    assert out.shape == (2, 3, 3)
    assert torch.equal(out, emb.weight[ids])
    torch.testing.assert_close(out, F.one_hot(ids, 10).float() @ emb.weight)


def test_embedding_init_standard_normal():
    torch.manual_seed(0)
    w = nn.Embedding(2000, 50).weight
    assert abs(w.mean().item()) < 0.01 and abs(w.std().item() - 1) < 0.01


def test_from_pretrained_freezes():
    weights = torch.randn(4, 2)
    assert not nn.Embedding.from_pretrained(weights).weight.requires_grad
    assert nn.Embedding.from_pretrained(weights, freeze=False).weight.requires_grad


def test_padding_idx():
    torch.manual_seed(0)
    emb = nn.Embedding(5, 3, padding_idx=0)
    assert torch.equal(emb.weight[0].detach(), torch.zeros(3))
    with torch.no_grad():
        emb.weight[0] = 7.0  # set it to something else: still no gradient
    out = emb(torch.tensor([[3, 1, 2], [4, 2, 0]]))
    (out * torch.randn_like(out)).sum().backward()
    assert torch.equal(emb.weight.grad[0], torch.zeros(3))
    assert emb.weight.grad[1].abs().sum() > 0
    emb.weight.grad = None
    emb(torch.tensor([[3, 1, 2], [4, 2, 0]])).sum().backward()
    assert torch.equal(emb.weight.grad[2], torch.full((3,), 2.0))  # two occurrences add up


def test_embedding_bag():
    torch.manual_seed(0)
    bag = nn.EmbeddingBag(10, 3)
    ids = torch.tensor([1, 2, 4, 5, 4, 3, 2, 9])
    offsets = torch.tensor([0, 2, 3])
    w = bag.weight
    bounds = offsets.tolist() + [len(ids)]
    expected = torch.stack([w[ids[a:b]].mean(0) for a, b in zip(bounds[:-1], bounds[1:])])
    torch.testing.assert_close(bag(ids, offsets), expected)
    # the same as Embedding followed by a mean
    emb = nn.Embedding.from_pretrained(w.detach())
    torch.testing.assert_close(bag(ids, offsets), torch.stack([emb(ids[a:b]).mean(0) for a, b in zip(bounds[:-1], bounds[1:])]))
    # 2-D input: one bag per row
    rows = torch.tensor([[1, 2], [4, 4]])
    torch.testing.assert_close(bag(rows), w[rows].mean(1))
    # sum and max modes; per_sample_weights with sum
    for mode, reduce in (("sum", lambda t: t.sum(0)), ("max", lambda t: t.amax(0))):
        other = nn.EmbeddingBag.from_pretrained(w.detach(), mode=mode)
        torch.testing.assert_close(other(ids, offsets), torch.stack([reduce(w[ids[a:b]]) for a, b in zip(bounds[:-1], bounds[1:])]))
    summed = nn.EmbeddingBag(10, 3, mode="sum")
    scores = torch.tensor([0.5, 2.0])
    out = summed(torch.tensor([1, 2]), torch.tensor([0]), per_sample_weights=scores)
    torch.testing.assert_close(out, (scores[:, None] * summed.weight[[1, 2]]).sum(0, keepdim=True))
    # an empty bag gives zeros
    out = bag(torch.tensor([1, 2, 4, 5]), torch.tensor([0, 2, 2]))
    assert torch.equal(out[1], torch.zeros(3))


# ---- regularisation -------------------------------------------------------------------------------


def test_sgd_weight_decay_is_l2_penalty():
    torch.manual_seed(0)
    x, target = torch.randn(8, 3), torch.randn(8, 1)
    lr, lam = 0.1, 0.01
    a, b = nn.Linear(3, 1), nn.Linear(3, 1)
    b.load_state_dict(a.state_dict())
    opt_a = torch.optim.SGD(a.parameters(), lr=lr, weight_decay=lam)
    F.mse_loss(a(x), target).backward()
    opt_a.step()
    opt_b = torch.optim.SGD(b.parameters(), lr=lr)
    (F.mse_loss(b(x), target) + lam / 2 * sum(p.pow(2).sum() for p in b.parameters())).backward()
    opt_b.step()
    torch.testing.assert_close(a.weight, b.weight)
    torch.testing.assert_close(a.bias, b.bias)


def test_decay_factor_with_zero_gradient():
    w = nn.Parameter(torch.tensor([1.0, -2.0, 3.0]))
    lr, lam = 0.1, 0.01
    opt = torch.optim.SGD([w], lr=lr, weight_decay=lam)
    w.grad = torch.zeros(3)
    opt.step()
    torch.testing.assert_close(w.detach(), torch.tensor([1.0, -2.0, 3.0]) * (1 - lr * lam))


def test_adam_l2_versus_adamw_decoupled():
    torch.manual_seed(0)
    w0 = torch.randn(4, dtype=torch.float64)
    g = torch.randn(4, dtype=torch.float64)
    lr, lam, eps = 0.01, 0.1, 1e-8

    def step(cls, **kw):
        w = nn.Parameter(w0.clone())
        opt = cls([w], lr=lr, eps=eps, **kw)
        w.grad = g.clone()
        opt.step()
        return w.detach()

    # Adam: lam * w is added to the gradient (first step: update = lr * g' / (|g'| + eps))
    g_l2 = g + lam * w0
    torch.testing.assert_close(step(torch.optim.Adam, weight_decay=lam), w0 - lr * g_l2 / (g_l2.abs() + eps))
    # AdamW: the weights decay directly, the Adam update uses the plain gradient
    torch.testing.assert_close(step(torch.optim.AdamW, weight_decay=lam), w0 * (1 - lr * lam) - lr * g / (g.abs() + eps))


def test_early_stopping_numbers():
    val_losses = [0.90, 0.71, 0.60, 0.55, 0.56, 0.54, 0.57, 0.58, 0.60, 0.63]
    best_epoch = min(range(len(val_losses)), key=val_losses.__getitem__) + 1
    assert best_epoch == 6 and val_losses[4] > val_losses[3]
    # three epochs without improvement after epoch 6: stop after epoch 9
    assert all(v > val_losses[5] for v in val_losses[6:9])

"""Checks for docs/nn/normalization.md: every formula, default and claim on the page."""

import re
from pathlib import Path

import pytest
import torch
from torch import nn

from tests.checks import assert_defaults, sections

EPS = 1e-5


def normalise(x, dims, eps=EPS):
    """The page's formula with gamma=1, beta=0: biased variance over `dims`."""
    mean = x.mean(dim=dims, keepdim=True)
    var = x.var(dim=dims, keepdim=True, unbiased=False)
    return (x - mean) / torch.sqrt(var + eps)


def rand(*shape):
    return torch.randn(*shape, dtype=torch.float64) * 3 + 1


def randomise_affine(module):
    with torch.no_grad():
        module.weight.normal_()
        module.bias.normal_()
    return module


# ---- defaults ---------------------------------------------------------------------------------


def test_defaults():
    for cls in (nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d):
        assert_defaults(cls, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True)
    for cls in (nn.InstanceNorm1d, nn.InstanceNorm2d, nn.InstanceNorm3d):
        assert_defaults(cls, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False)
    assert_defaults(nn.LayerNorm, eps=1e-05, elementwise_affine=True)
    assert_defaults(nn.GroupNorm, eps=1e-05, affine=True)
    assert_defaults(nn.RMSNorm, eps=None, elementwise_affine=True)


def test_initial_parameters_and_buffers():
    bn = nn.BatchNorm2d(4)
    assert bn.training
    torch.testing.assert_close(bn.weight.data, torch.ones(4))
    torch.testing.assert_close(bn.bias.data, torch.zeros(4))
    torch.testing.assert_close(bn.running_mean, torch.zeros(4))
    torch.testing.assert_close(bn.running_var, torch.ones(4))
    assert bn.num_batches_tracked.item() == 0
    for m in (nn.LayerNorm(4), nn.GroupNorm(2, 4), nn.InstanceNorm2d(4, affine=True)):
        assert (m.weight == 1).all() and (m.bias == 0).all()


# ---- each layer against a hand implementation over its axes -------------------------------------


def test_batchnorm_axes_by_hand():
    torch.manual_seed(0)
    cases = [(nn.BatchNorm1d(3), (8, 3), (0,)), (nn.BatchNorm1d(3), (8, 3, 5), (0, 2)),
             (nn.BatchNorm2d(3), (4, 3, 5, 6), (0, 2, 3)), (nn.BatchNorm3d(3), (2, 3, 4, 3, 2), (0, 2, 3, 4))]
    for bn, shape, dims in cases:
        bn = randomise_affine(bn.double())
        x = rand(*shape)
        view = (1, -1) + (1,) * (len(shape) - 2)
        expected = normalise(x, dims) * bn.weight.view(view) + bn.bias.view(view)
        torch.testing.assert_close(bn(x), expected)


def test_layernorm_by_hand():
    torch.manual_seed(0)
    ln = randomise_affine(nn.LayerNorm(4).double())
    x = rand(2, 5, 4)
    torch.testing.assert_close(ln(x), normalise(x, (-1,)) * ln.weight + ln.bias)
    ln3 = randomise_affine(nn.LayerNorm([6, 5, 5]).double())
    assert ln3.weight.shape == (6, 5, 5) and ln3.bias.shape == (6, 5, 5)
    x = rand(2, 6, 5, 5)
    torch.testing.assert_close(ln3(x), normalise(x, (1, 2, 3)) * ln3.weight + ln3.bias)
    # batch independence, one sample, same in eval
    torch.testing.assert_close(ln3(x[:1]), ln3(x)[:1])
    torch.testing.assert_close(ln3.eval()(x), ln3.train()(x))
    assert len(list(ln3.buffers())) == 0


def test_instancenorm_by_hand():
    torch.manual_seed(0)
    inorm = nn.InstanceNorm2d(6).double()
    assert len(list(inorm.parameters())) == 0 and inorm.running_mean is None
    x = rand(2, 6, 5, 5)
    torch.testing.assert_close(inorm(x), normalise(x, (2, 3)))
    torch.testing.assert_close(inorm.eval()(x), normalise(x, (2, 3)))  # still instance statistics
    affine = randomise_affine(nn.InstanceNorm2d(6, affine=True).double())
    assert affine.weight.shape == (6,)
    torch.testing.assert_close(affine(x), normalise(x, (2, 3)) * affine.weight.view(1, -1, 1, 1) + affine.bias.view(1, -1, 1, 1))


def test_groupnorm_by_hand():
    torch.manual_seed(0)
    gn = randomise_affine(nn.GroupNorm(3, 6).double())
    assert gn.weight.shape == (6,)
    x = rand(2, 6, 5, 5)
    grouped = normalise(x.view(2, 3, 2, 5, 5), (2, 3, 4)).view(2, 6, 5, 5)
    torch.testing.assert_close(gn(x), grouped * gn.weight.view(1, -1, 1, 1) + gn.bias.view(1, -1, 1, 1))
    with pytest.raises(ValueError, match="divisible"):
        nn.GroupNorm(4, 6)


def test_groupnorm_extremes():
    torch.manual_seed(0)
    x = rand(2, 6, 5, 5)
    torch.testing.assert_close(nn.GroupNorm(1, 6).double()(x), nn.LayerNorm([6, 5, 5]).double()(x))
    torch.testing.assert_close(nn.GroupNorm(6, 6).double()(x), nn.InstanceNorm2d(6).double()(x))


def test_rmsnorm_by_hand():
    torch.manual_seed(0)
    for dtype in (torch.float32, torch.float64):
        rms = nn.RMSNorm(4, dtype=dtype)
        with torch.no_grad():
            rms.weight.normal_()
        x = torch.randn(3, 4, dtype=dtype) + 3
        eps = torch.finfo(dtype).eps
        torch.testing.assert_close(rms(x), x / torch.sqrt(x.pow(2).mean(-1, keepdim=True) + eps) * rms.weight)
    assert [name for name, _ in nn.RMSNorm(4).named_parameters()] == ["weight"]
    y = nn.RMSNorm(4)(torch.randn(2, 4) + 3)
    assert (y.mean(-1).abs() > 0.5).all()  # the mean is not removed
    torch.testing.assert_close(y.pow(2).mean(-1).sqrt(), torch.ones(2), atol=1e-4, rtol=0)


def test_common_formula_names_exactly_the_layers_that_subtract_the_mean():
    page = (Path(__file__).resolve().parents[1] / "docs" / "nn" / "normalization.md").read_text()
    named = set(re.findall(r"\b(\w+Norm)\b", sections(page)["The common formula"].split("$$")[0]))
    assert named == {"BatchNorm", "LayerNorm", "InstanceNorm", "GroupNorm"}
    x = rand(4, 6, 3, 3) + 5  # far from zero mean
    layers = {"BatchNorm": (nn.BatchNorm2d(6), (0, 2, 3)), "LayerNorm": (nn.LayerNorm([6, 3, 3]), (1, 2, 3)),
              "InstanceNorm": (nn.InstanceNorm2d(6), (2, 3)), "GroupNorm": (nn.GroupNorm(2, 6), (2, 3))}
    for layer, dims in layers.values():
        y = layer.double()(x)
        if isinstance(layer, nn.GroupNorm):
            y, dims = y.reshape(4, 2, 3, 3, 3), (2, 3, 4)
        torch.testing.assert_close(y.mean(dim=dims), torch.zeros_like(y.mean(dim=dims)))
    assert (nn.RMSNorm([6, 3, 3]).double()(x).mean(dim=(1, 2, 3)) > 0.5).all()  # not on that list


# ---- the figure ---------------------------------------------------------------------------------


def test_norm_groups_figure_data():
    from plots.families.layers import NORM_LAYERS, NORM_REFERENCE, NORM_SHAPE, norm_group_data

    n0, c0, _, _ = NORM_REFERENCE
    masks = {name: torch.tensor(norm_group_data(name)) for name, _ in NORM_LAYERS}
    expected = {name: torch.zeros(NORM_SHAPE, dtype=torch.bool) for name in masks}
    expected["BatchNorm2d"][:, c0] = True
    expected["LayerNorm"][n0] = True
    expected["InstanceNorm2d"][n0, c0] = True
    group = c0 // 2  # GroupNorm(3, 6): groups of 2 channels
    expected["GroupNorm"][n0, 2 * group : 2 * group + 2] = True
    for name in masks:
        assert torch.equal(masks[name], expected[name]), name


# ---- the formula and its claims -------------------------------------------------------------------


def test_training_mode_formula_and_biased_variance():
    torch.manual_seed(0)
    x = torch.randn(8, 3) * torch.tensor([1.0, 5.0, 0.1]) + torch.tensor([0.0, 10.0, -3.0])
    bn = nn.BatchNorm1d(3)
    y = bn(x)
    torch.testing.assert_close(y, normalise(x, (0,)))
    assert not torch.allclose(y, (x - x.mean(0)) / torch.sqrt(x.var(0, unbiased=True) + EPS))
    torch.testing.assert_close(y.mean(0), torch.zeros(3), atol=1e-6, rtol=0)
    torch.testing.assert_close(y.std(0, unbiased=False), torch.ones(3), atol=1e-3, rtol=0)


def test_gamma_beta_can_undo_normalisation():
    torch.manual_seed(0)
    x = rand(16, 3)
    bn = nn.BatchNorm1d(3).double()
    with torch.no_grad():
        bn.weight.copy_(torch.sqrt(x.var(0, unbiased=False) + bn.eps))
        bn.bias.copy_(x.mean(0))
    torch.testing.assert_close(bn(x), x)


def test_running_statistics_update_uses_unbiased_variance():
    torch.manual_seed(0)
    for momentum in (0.1, 0.3):
        bn = nn.BatchNorm2d(3, momentum=momentum).double()
        rm, rv = bn.running_mean.clone(), bn.running_var.clone()
        for _ in range(3):
            x = rand(4, 3, 2, 3)
            bn(x)
            m = 4 * 2 * 3
            mean = x.mean((0, 2, 3))
            biased = x.var((0, 2, 3), unbiased=False)
            rm = (1 - momentum) * rm + momentum * mean
            rv = (1 - momentum) * rv + momentum * biased * m / (m - 1)
            torch.testing.assert_close(bn.running_mean, rm)
            torch.testing.assert_close(bn.running_var, rv)
        assert bn.num_batches_tracked.item() == 3


def test_momentum_none_is_cumulative_average():
    torch.manual_seed(0)
    bn = nn.BatchNorm1d(3, momentum=None).double()
    xs = [rand(8, 3) for _ in range(4)]
    for x in xs:
        bn(x)
    torch.testing.assert_close(bn.running_mean, torch.stack([x.mean(0) for x in xs]).mean(0))
    torch.testing.assert_close(bn.running_var, torch.stack([x.var(0, unbiased=True) for x in xs]).mean(0))
    assert bn.num_batches_tracked.item() == 4


def test_eval_uses_running_statistics():
    torch.manual_seed(0)
    bn = randomise_affine(nn.BatchNorm1d(3).double())
    for _ in range(50):
        bn(torch.randn(16, 3, dtype=torch.float64) * 3 + 2)
    assert torch.allclose(bn.running_mean, torch.full((3,), 2.0, dtype=torch.float64), atol=0.5)
    assert torch.allclose(bn.running_var, torch.full((3,), 9.0, dtype=torch.float64), atol=1.5)
    bn.eval()
    x = rand(5, 3)
    expected = (x - bn.running_mean) / torch.sqrt(bn.running_var + bn.eps) * bn.weight + bn.bias
    torch.testing.assert_close(bn(x), expected)
    # a fixed affine map: each sample's output does not depend on the batch, and nothing is updated
    before = bn.running_mean.clone()
    torch.testing.assert_close(bn(x[:1]), bn(x)[:1])
    torch.testing.assert_close(bn.running_mean, before)
    # training mode silently changes the running statistics
    bn.train()
    bn(x)
    assert not torch.allclose(bn.running_mean, before)
    with pytest.raises(ValueError, match="Expected more than 1 value per channel when training"):
        bn(x[:1])


def test_batch_of_two_becomes_plus_minus_one():
    bn = nn.BatchNorm1d(3)
    y = bn(torch.tensor([[2.0, 5.0, -1.0], [4.0, -1.0, 3.0]]))
    torch.testing.assert_close(y, torch.tensor([[-1.0, 1.0, -1.0], [1.0, -1.0, 1.0]]), atol=1e-4, rtol=0)
    # ... unless the two values are almost equal, when eps takes over
    y = nn.BatchNorm1d(1)(torch.tensor([[0.0], [0.001]]))
    assert y.abs().max() < 0.5


def test_track_running_stats_false_uses_batch_statistics_in_eval():
    torch.manual_seed(0)
    bn = nn.BatchNorm1d(3, track_running_stats=False).double()
    assert bn.running_mean is None and bn.running_var is None
    x = rand(8, 3)
    torch.testing.assert_close(bn.eval()(x), normalise(x, (0,)))


def test_sync_batchnorm_exists():
    assert issubclass(nn.SyncBatchNorm, nn.modules.batchnorm._BatchNorm)
    converted = nn.SyncBatchNorm.convert_sync_batchnorm(nn.Sequential(nn.BatchNorm2d(3)))
    assert isinstance(converted[0], nn.SyncBatchNorm)

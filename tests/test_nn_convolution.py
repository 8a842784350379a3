"""Checks for docs/nn/convolution.md: every formula, default and claim on the page."""

import itertools
import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from torch import nn

from tests.checks import assert_defaults


def conv_out(size, k, s=1, p=0, d=1):
    return math.floor((size + 2 * p - d * (k - 1) - 1) / s + 1)


def pool_out(size, k, s, p=0, d=1, ceil_mode=False):
    rounding = math.ceil if ceil_mode else math.floor
    out = rounding((size + 2 * p - d * (k - 1) - 1) / s) + 1
    if ceil_mode and (out - 1) * s >= size + p:  # last window would start in the right padding
        out -= 1
    return out


def transpose_out(size, k, s=1, p=0, d=1, output_padding=0):
    return (size - 1) * s - 2 * p + d * (k - 1) + output_padding + 1


# ---- defaults -------------------------------------------------------------------------------


@pytest.mark.parametrize("cls", [nn.Conv1d, nn.Conv2d, nn.Conv3d])
def test_conv_defaults(cls):
    assert_defaults(cls, stride=1, padding=0, dilation=1, groups=1, bias=True, padding_mode="zeros")


def test_transpose_and_pool_defaults():
    assert_defaults(nn.ConvTranspose2d, output_padding=0)
    for cls in (nn.MaxPool1d, nn.MaxPool2d, nn.MaxPool3d, nn.AvgPool1d, nn.AvgPool2d, nn.AvgPool3d):
        assert_defaults(cls, stride=None, ceil_mode=False)
    for cls in (nn.AvgPool1d, nn.AvgPool2d, nn.AvgPool3d):
        assert_defaults(cls, count_include_pad=True)
    import inspect

    assert "dilation" in inspect.signature(nn.MaxPool2d).parameters
    assert "dilation" not in inspect.signature(nn.AvgPool2d).parameters


# ---- shapes and the computation ---------------------------------------------------------------


def test_shapes_table_and_unbatched_input():
    torch.manual_seed(0)
    for cls, shape in [(nn.Conv1d, (4, 2, 20)), (nn.Conv2d, (4, 2, 9, 7)), (nn.Conv3d, (4, 2, 5, 6, 7))]:
        k = 3
        layer = cls(2, 5, k)
        assert layer.weight.shape == (5, 2) + (k,) * (len(shape) - 2)
        assert layer.bias.shape == (5,)
        y = layer(torch.randn(shape))
        assert y.shape == (4, 5) + tuple(n - k + 1 for n in shape[2:])
        # unbatched
        x = torch.randn(shape[1:])
        torch.testing.assert_close(layer(x), layer(x.unsqueeze(0))[0])
    # kernel 3 with padding 1 keeps every size
    assert nn.Conv2d(3, 16, 3, padding=1)(torch.randn(1, 3, 32, 32)).shape == (1, 16, 32, 32)


def test_conv1d_formula_by_hand():
    torch.manual_seed(0)
    for s, p, d in itertools.product((1, 2, 3), (0, 1, 2), (1, 2)):
        conv = nn.Conv1d(3, 4, kernel_size=3, stride=s, padding=p, dilation=d).double()
        x = torch.randn(2, 3, 11, dtype=torch.float64)
        xp = F.pad(x, (p, p))
        W, b = conv.weight, conv.bias
        L = conv_out(11, 3, s, p, d)
        y = torch.zeros(2, 4, L, dtype=torch.float64)
        for n, j, i in itertools.product(range(2), range(4), range(L)):
            y[n, j, i] = b[j] + sum(W[j, c, t] * xp[n, c, s * i + d * t] for c in range(3) for t in range(3))
        torch.testing.assert_close(conv(x), y)


def test_convolution_is_cross_correlation():
    x = torch.tensor([1.0, 2.0, 0.0, -1.0, 3.0], dtype=torch.float64)
    k = torch.tensor([1.0, 0.0, -2.0], dtype=torch.float64)  # not symmetric
    y = F.conv1d(x.view(1, 1, -1), k.view(1, 1, -1))[0, 0]
    np.testing.assert_allclose(y.numpy(), np.correlate(x.numpy(), k.numpy(), mode="valid"))
    assert not np.allclose(y.numpy(), np.convolve(x.numpy(), k.numpy(), mode="valid"))


# ---- output size ------------------------------------------------------------------------------


def test_conv_output_size_grid():
    # functional calls with fixed weights: the same shape rule as the modules, much faster
    for n, k, s, p, d in itertools.product((5, 6, 7, 10, 11), (1, 2, 3, 5), (1, 2, 3), (0, 1, 2), (1, 2, 3)):
        if n + 2 * p < d * (k - 1) + 1:
            continue
        assert F.conv1d(torch.zeros(1, 1, n), torch.zeros(1, 1, k), None, s, p, d).shape[-1] == conv_out(n, k, s, p, d)
    x2 = torch.zeros(1, 1, 11, 8)
    for k, s, p, d in itertools.product((1, 3, 4), (1, 2, 3), (0, 1, 2), (1, 2)):
        y = nn.Conv2d(1, 1, k, s, p, d)(x2)
        assert tuple(y.shape[-2:]) == (conv_out(11, k, s, p, d), conv_out(8, k, s, p, d))
    # non-square arguments: each dimension on its own
    y = nn.Conv2d(1, 1, (3, 2), stride=(2, 1), padding=(1, 0), dilation=(1, 3))(x2)
    assert tuple(y.shape[-2:]) == (conv_out(11, 3, 2, 1, 1), conv_out(8, 2, 1, 0, 3))


def test_same_size_with_half_kernel_padding():
    for n, k in itertools.product((5, 8, 13), (1, 3, 5, 7)):
        assert conv_out(n, k, 1, (k - 1) // 2, 1) == n


def test_snippet_rows_of_output_size():
    x = torch.zeros(1, 1, 28, 28)
    expected = {(3, 1, 0, 1): 26, (3, 1, 1, 1): 28, (5, 2, 2, 1): 14, (3, 2, 0, 1): 13, (3, 1, 2, 2): 28, (7, 3, 1, 1): 8}
    for (k, s, p, d), size in expected.items():
        assert conv_out(28, k, s, p, d) == size == nn.Conv2d(1, 1, k, s, p, d)(x).shape[-1]


def test_pool_output_size_grid():
    for n, k, s, d, ceil in itertools.product((3, 4, 5, 7, 10), (1, 2, 3, 4), (1, 2, 3), (1, 2), (False, True)):
        for p in range(0, k // 2 + 1):
            if n + 2 * p < d * (k - 1) + 1:
                continue
            x = torch.zeros(1, 1, n)
            assert F.max_pool1d(x, k, s, p, d, ceil_mode=ceil).shape[-1] == pool_out(n, k, s, p, d, ceil)
            if d == 1:
                assert F.avg_pool1d(x, k, s, p, ceil_mode=ceil).shape[-1] == pool_out(n, k, s, p, 1, ceil)
    x2 = torch.zeros(1, 1, 9, 10)
    for k, s, d, ceil in itertools.product((2, 3), (1, 2, 3), (1, 2), (False, True)):
        for p in range(0, k // 2 + 1):
            y = nn.MaxPool2d(k, s, p, d, ceil_mode=ceil)(x2)
            assert tuple(y.shape[-2:]) == (pool_out(9, k, s, p, d, ceil), pool_out(10, k, s, p, d, ceil))
            if d == 1:
                y = nn.AvgPool2d(k, s, p, ceil_mode=ceil)(x2)
                assert tuple(y.shape[-2:]) == (pool_out(9, k, s, p, 1, ceil), pool_out(10, k, s, p, 1, ceil))
    # without ceil_mode the pooling size is exactly the convolution formula
    for n, k, s, p, d in itertools.product(range(4, 10), (2, 3), (1, 2), (0, 1), (1, 2)):
        assert pool_out(n, k, s, p, d) == conv_out(n, k, s, p, d)


def test_ceil_mode_drops_window_starting_in_right_padding():
    # n=5, k=2, s=2, p=1: ceil((5+2-1-1)/2)+1 = 4, but the 4th window would start in the padding
    assert math.ceil((5 + 2 - 1 - 1) / 2) + 1 == 4
    assert nn.MaxPool1d(2, 2, 1, ceil_mode=True)(torch.randn(1, 1, 5)).shape[-1] == 3


# ---- padding="same" / "valid" ---------------------------------------------------------------


@pytest.mark.filterwarnings("ignore:Using padding='same'")
def test_padding_same_and_valid():
    torch.manual_seed(0)
    for k, d in itertools.product((1, 2, 3, 4, 5), (1, 2, 3)):
        conv = nn.Conv1d(2, 3, k, padding="same", dilation=d).double()
        x = torch.randn(1, 2, 13, dtype=torch.float64)
        total = d * (k - 1)
        left, right = total // 2, total - total // 2  # extra one on the right
        manual = F.conv1d(F.pad(x, (left, right)), conv.weight, conv.bias, dilation=d)
        torch.testing.assert_close(conv(x), manual)
        assert conv(x).shape[-1] == 13
    x = torch.randn(1, 3, 9, 10)
    assert nn.Conv2d(3, 8, 5, padding="same")(x).shape == (1, 8, 9, 10)
    assert nn.Conv2d(3, 8, 3, padding="same", dilation=2)(x).shape == (1, 8, 9, 10)
    valid = nn.Conv2d(3, 8, 5, padding="valid")
    torch.testing.assert_close(valid(x), F.conv2d(x, valid.weight, valid.bias, padding=0))
    assert valid(x).shape == (1, 8, 5, 6)
    with pytest.raises(ValueError, match="not supported for strided"):
        nn.Conv2d(3, 8, 3, stride=2, padding="same")


def test_padding_modes_match_padding_layers():
    torch.manual_seed(0)
    x = torch.randn(1, 2, 6, 7)
    for mode, pad_layer in [("reflect", nn.ReflectionPad2d(1)), ("replicate", nn.ReplicationPad2d(1)),
                            ("circular", nn.CircularPad2d(1)), ("zeros", nn.ZeroPad2d(1))]:
        conv = nn.Conv2d(2, 3, 3, padding=1, padding_mode=mode)
        torch.testing.assert_close(conv(x), F.conv2d(pad_layer(x), conv.weight, conv.bias))


# ---- groups, depthwise, parameter count -------------------------------------------------------


def conv_params(c_in, c_out, kernel, groups=1, bias=True):
    return c_out * (c_in // groups) * math.prod(kernel) + (c_out if bias else 0)


def n_params(m):
    return sum(p.numel() for p in m.parameters())


def test_parameter_count_formula():
    for c_in, c_out, g, kernel, bias in [(32, 64, 1, (3, 3), True), (32, 64, 4, (3, 3), True), (32, 32, 32, (3, 3), True),
                                         (6, 9, 3, (5, 2), False), (1, 8, 1, (3, 3), True), (8, 16, 1, (3, 3), True)]:
        layer = nn.Conv2d(c_in, c_out, kernel, groups=g, bias=bias)
        assert layer.weight.shape == (c_out, c_in // g, *kernel)
        assert n_params(layer) == conv_params(c_in, c_out, kernel, g, bias)
    assert n_params(nn.Conv1d(4, 6, 5, groups=2)) == conv_params(4, 6, (5,), 2)
    assert n_params(nn.Conv3d(4, 6, (2, 3, 4))) == conv_params(4, 6, (2, 3, 4))
    # numbers quoted on the page
    assert conv_params(32, 64, (3, 3)) == 18496
    assert conv_params(32, 64, (3, 3), groups=4) == 4672
    assert conv_params(32, 32, (3, 3), groups=32) == 320
    assert conv_params(32, 32, (3, 3), groups=32) + conv_params(32, 64, (1, 1)) == 2432
    # digits CNN: 80 + 1168 + 170
    assert conv_params(1, 8, (3, 3)) == 80 and conv_params(8, 16, (3, 3)) == 1168
    model = nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(8, 16, 3, padding=1),
                          nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, 10))
    assert n_params(model) == 80 + 1168 + 170 == 1418


def test_groups_must_divide_channels():
    with pytest.raises(ValueError, match="out_channels must be divisible by groups"):
        nn.Conv2d(4, 6, 3, groups=4)
    with pytest.raises(ValueError, match="in_channels must be divisible by groups"):
        nn.Conv2d(6, 4, 3, groups=4)


def test_grouped_conv_is_independent_groups():
    torch.manual_seed(0)
    conv = nn.Conv2d(4, 6, 3, groups=2).double()
    x = torch.randn(1, 4, 7, 7, dtype=torch.float64)
    first = F.conv2d(x[:, :2], conv.weight[:3], conv.bias[:3])
    second = F.conv2d(x[:, 2:], conv.weight[3:], conv.bias[3:])
    torch.testing.assert_close(conv(x), torch.cat([first, second], dim=1))


def test_depthwise_does_not_mix_channels():
    torch.manual_seed(0)
    conv = nn.Conv2d(3, 3, 3, groups=3)
    x = torch.randn(1, 3, 6, 6, requires_grad=True)
    (g,) = torch.autograd.grad(conv(x)[0, 1].sum(), x)
    assert g[0, 0].abs().sum() == 0 and g[0, 2].abs().sum() == 0 and g[0, 1].abs().sum() > 0


# ---- transposed convolution ----------------------------------------------------------------------


def test_transpose_output_size_grid():
    for n, k, s, p, d in itertools.product((3, 4, 7), (1, 2, 3, 4), (1, 2, 3), (0, 1), (1, 2)):
        if transpose_out(n, k, s, p, d) <= 0:
            continue
        for op in range(max(s, d)):  # output_padding must be smaller than stride or dilation
            layer = nn.ConvTranspose2d(1, 1, k, s, p, output_padding=op, dilation=d)
            y = layer(torch.zeros(1, 1, n, n + 1))
            assert tuple(y.shape[-2:]) == (transpose_out(n, k, s, p, d, op), transpose_out(n + 1, k, s, p, d, op))
        with pytest.raises(RuntimeError):
            nn.ConvTranspose2d(1, 1, k, s, p, output_padding=max(s, d), dilation=d)(torch.zeros(1, 1, n, n))


def test_transpose_snippet_claims():
    down = nn.Conv2d(1, 1, 3, stride=2, padding=1)
    assert down(torch.zeros(1, 1, 8, 8)).shape[-1] == down(torch.zeros(1, 1, 7, 7)).shape[-1] == 4
    up = nn.ConvTranspose2d(1, 1, 3, stride=2, padding=1)
    x = torch.randn(1, 1, 4, 4)
    assert up(x).shape[-1] == 7
    assert up(x, output_size=(8, 8)).shape[-1] == 8
    assert nn.ConvTranspose2d(1, 1, 3, 2, 1, output_padding=1)(x).shape[-1] == 8
    assert nn.ConvTranspose2d(1, 1, 4, 2, 1)(x).shape[-1] == 8


def test_output_padding_adds_rows_and_columns_at_the_end():
    torch.manual_seed(0)
    w = torch.randn(1, 1, 3, 3)
    y = torch.randn(1, 1, 4, 4)
    plain = F.conv_transpose2d(y, w, stride=2, padding=1)
    padded = F.conv_transpose2d(y, w, stride=2, padding=1, output_padding=1)
    assert padded.shape[-2:] == (8, 8) and plain.shape[-2:] == (7, 7)
    torch.testing.assert_close(padded[..., :7, :7], plain)


def test_transpose_is_gradient_of_conv_and_padding_crops():
    torch.manual_seed(0)
    w = torch.randn(2, 3, 3, 3, dtype=torch.float64)  # transpose 2 -> 3 channels: weight (in, out, kH, kW)
    y = torch.randn(1, 2, 4, 4, dtype=torch.float64)
    x = torch.zeros(1, 3, 8, 8, dtype=torch.float64, requires_grad=True)
    out = F.conv2d(x, w, stride=2, padding=1)  # conv 3 -> 2 channels: weight (out, in) = (2, 3, 3, 3)
    (vjp,) = torch.autograd.grad(out, x, grad_outputs=y)
    torch.testing.assert_close(F.conv_transpose2d(y, w, stride=2, padding=1, output_padding=1), vjp)
    full = F.conv_transpose2d(y, w, stride=2)
    torch.testing.assert_close(F.conv_transpose2d(y, w, stride=2, padding=1), full[..., 1:-1, 1:-1])


# ---- pooling ---------------------------------------------------------------------------------------


def test_pooling_snippet_values():
    x = torch.tensor([[1.0, 2.0, 5.0, 0.0], [3.0, 4.0, 1.0, 1.0], [0.0, 8.0, 2.0, 6.0], [1.0, 1.0, 3.0, 7.0]]).view(1, 1, 4, 4)
    blocks = x.view(2, 2, 2, 2).permute(0, 2, 1, 3).reshape(2, 2, 4)
    torch.testing.assert_close(nn.MaxPool2d(2)(x)[0, 0], blocks.amax(-1))
    torch.testing.assert_close(nn.AvgPool2d(2)(x)[0, 0], blocks.mean(-1))
    windows = x[0, 0].unfold(0, 2, 1).unfold(1, 2, 1)
    torch.testing.assert_close(nn.MaxPool2d(2, stride=1)(x)[0, 0], windows.amax((-1, -2)))
    assert len(list(nn.MaxPool2d(2).parameters())) == 0 and len(list(nn.AvgPool2d(2).parameters())) == 0


def test_maxpool_padding_rules():
    x = -torch.arange(1.0, 6.0).view(1, 1, 5)
    torch.testing.assert_close(nn.MaxPool1d(2, padding=1)(x), torch.tensor([[[-1.0, -2.0, -4.0]]]))  # padding never wins
    with pytest.raises(RuntimeError, match="at most half"):
        nn.MaxPool1d(2, padding=2)(x)
    with pytest.raises(RuntimeError, match="half"):
        nn.AvgPool1d(2, padding=2)(x)


def test_ceil_mode_and_count_include_pad_values():
    x = torch.arange(1.0, 6.0).view(1, 1, 5)
    torch.testing.assert_close(nn.MaxPool1d(2)(x), torch.tensor([[[2.0, 4.0]]]))
    torch.testing.assert_close(nn.MaxPool1d(2, ceil_mode=True)(x), torch.tensor([[[2.0, 4.0, 5.0]]]))
    torch.testing.assert_close(nn.AvgPool1d(2, ceil_mode=True)(x), torch.tensor([[[1.5, 3.5, 5.0]]]))
    torch.testing.assert_close(nn.AvgPool1d(2, padding=1)(x), torch.tensor([[[0.5, 2.5, 4.5]]]))
    torch.testing.assert_close(nn.AvgPool1d(2, padding=1, count_include_pad=False)(x), torch.tensor([[[1.0, 2.5, 4.5]]]))


def test_adaptive_pool_bins():
    torch.manual_seed(0)
    for n, m in itertools.product(range(1, 12), range(1, 7)):
        x = torch.randn(1, 2, n, dtype=torch.float64)
        bins = [(math.floor(i * n / m), math.ceil((i + 1) * n / m)) for i in range(m)]
        sizes = [b - a for a, b in bins]
        assert max(sizes) - min(sizes) <= 1  # windows differ in size by at most one ...
        assert all(bins[i][1] - bins[i + 1][0] <= 1 for i in range(m - 1))  # ... and overlap by at most one
        avg = torch.stack([x[..., a:b].mean(-1) for a, b in bins], -1)
        mx = torch.stack([x[..., a:b].amax(-1) for a, b in bins], -1)
        torch.testing.assert_close(nn.AdaptiveAvgPool1d(m)(x), avg)
        torch.testing.assert_close(nn.AdaptiveMaxPool1d(m)(x), mx)
    for h, w in [(5, 5), (7, 9), (32, 32), (2, 3)]:
        assert nn.AdaptiveAvgPool2d((2, 2))(torch.randn(1, 3, h, w)).shape == (1, 3, 2, 2)
    x = torch.randn(2, 3, 7, 9)
    torch.testing.assert_close(nn.AdaptiveAvgPool2d(1)(x).flatten(1), x.mean(dim=(2, 3)))


def test_other_pools():
    torch.manual_seed(0)
    x = torch.rand(1, 1, 6, 6, dtype=torch.float64) + 0.1
    p = 3
    blocks = x.view(1, 1, 3, 2, 3, 2).permute(0, 1, 2, 4, 3, 5).reshape(1, 1, 3, 3, 4)
    torch.testing.assert_close(nn.LPPool2d(p, 2)(x), (blocks ** p).sum(-1) ** (1 / p))
    pooled, idx = nn.MaxPool2d(2, return_indices=True)(x)
    unpooled = nn.MaxUnpool2d(2)(pooled, idx)
    assert unpooled.shape == x.shape
    torch.testing.assert_close(unpooled.flatten()[idx.flatten()], pooled.flatten())
    assert (unpooled != 0).sum() == pooled.numel()
    y = nn.FractionalMaxPool2d(2, output_ratio=0.7)(torch.randn(1, 1, 10, 10))
    assert y.shape == (1, 1, 7, 7)


# ---- padding layers -------------------------------------------------------------------------------


def test_padding_layers():
    x = torch.arange(1.0, 10.0).view(1, 1, 3, 3)
    torch.testing.assert_close(nn.ZeroPad2d(1)(x), F.pad(x, (1, 1, 1, 1)))
    torch.testing.assert_close(nn.ReflectionPad2d(1)(x), F.pad(x, (1, 1, 1, 1), mode="reflect"))
    torch.testing.assert_close(nn.ReplicationPad2d(1)(x), F.pad(x, (1, 1, 1, 1), mode="replicate"))
    torch.testing.assert_close(nn.CircularPad2d(1)(x), F.pad(x, (1, 1, 1, 1), mode="circular"))
    # reflection does not repeat the edge, replication does, circular wraps around
    assert nn.ReflectionPad2d(1)(x)[0, 0, 1, 0] == 2.0
    assert nn.ReplicationPad2d(1)(x)[0, 0, 1, 0] == 1.0
    assert nn.CircularPad2d(1)(x)[0, 0, 1, 0] == 3.0
    # tuple order: (left, right) and (left, right, top, bottom)
    torch.testing.assert_close(nn.ConstantPad1d((2, 1), value=-1.0)(torch.tensor([[1.0, 2.0, 3.0]])),
                               torch.tensor([[-1.0, -1.0, 1.0, 2.0, 3.0, -1.0]]))
    y = nn.ZeroPad2d((1, 0, 0, 2))(x)[0, 0]
    assert y.shape == (5, 4) and (y[:, 0] == 0).all() and (y[3:] == 0).all()
    torch.testing.assert_close(y[:3, 1:], x[0, 0])
    # ConstantPad's value has no default; reflection padding must be smaller than the input
    import inspect

    assert inspect.signature(nn.ConstantPad1d).parameters["value"].default is inspect.Parameter.empty
    with pytest.raises(RuntimeError):
        nn.ReflectionPad2d(3)(x)
    assert nn.ReflectionPad2d(2)(x).shape == (1, 1, 7, 7)
    for dims in "123":
        for kind in ("Zero", "Constant", "Reflection", "Replication", "Circular"):
            assert hasattr(nn, f"{kind}Pad{dims}d")


# ---- the figure -----------------------------------------------------------------------------------


def test_conv_digit_figure_data():
    from sklearn.datasets import load_digits

    from plots.families.layers import EDGE_KERNEL, conv_digit_data

    image, edges, relu, pooled = (torch.tensor(a) for a in conv_digit_data(0))
    expected_image = torch.tensor(load_digits().images[0], dtype=torch.float32) / 16
    torch.testing.assert_close(image, expected_image)
    kernel = torch.tensor(EDGE_KERNEL).view(1, 1, 3, 3)
    expected_edges = F.conv2d(expected_image.view(1, 1, 8, 8), kernel, padding=1)[0, 0]
    torch.testing.assert_close(edges, expected_edges)
    torch.testing.assert_close(relu, expected_edges.clamp(min=0))
    torch.testing.assert_close(pooled, F.max_pool2d(relu.view(1, 1, 8, 8), 2)[0, 0])
    assert pooled.shape == (4, 4)
    # the page's reading: a zero has both signs, ReLU keeps only the positive (left) edges
    assert edges.min() < 0 < edges.max() and relu.min() == 0

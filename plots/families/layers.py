"""Figures for the layer pages: a convolution pipeline on a real digit, and the
elements each normalisation layer pools its statistics over.

`conv_digit_data` runs `nn.Conv2d` (a fixed vertical-edge kernel), `nn.ReLU` and
`nn.MaxPool2d(2)` on one of scikit-learn's 8x8 digits. `norm_group_data` asks
autograd which inputs change a chosen output of a normalisation layer: exactly
the elements whose mean and variance that output shares.
"""

from __future__ import annotations

from plots import style
from plots.figure import Figure

# Sobel kernel: positive where brightness grows from left to right.
EDGE_KERNEL = ((-1.0, 0.0, 1.0), (-2.0, 0.0, 2.0), (-1.0, 0.0, 1.0))

# (N, C, H, W) of the tensor in the normalisation figure, and the marked element.
NORM_SHAPE = (3, 6, 2, 2)
NORM_REFERENCE = (1, 2, 0, 0)
NORM_LAYERS = (
    ("BatchNorm2d", "nn.BatchNorm2d(6): per channel, over N, H, W"),
    ("LayerNorm", "nn.LayerNorm([6, 2, 2]): per sample, over C, H, W"),
    ("InstanceNorm2d", "nn.InstanceNorm2d(6): per sample and channel, over H, W"),
    ("GroupNorm", "nn.GroupNorm(3, 6): per sample and group of 2 channels"),
)


def conv_digit_data(index: int = 0):
    """Return `(image, conv, relu, pooled)` as nested lists for digit `index`.

    image: the 8x8 digit scaled to [0, 1]; conv: `nn.Conv2d(1, 1, 3, padding=1,
    bias=False)` with weight `EDGE_KERNEL`; relu: `nn.ReLU()` of that; pooled:
    `nn.MaxPool2d(2)` of the ReLU output (4x4).
    """
    import torch
    from sklearn.datasets import load_digits

    image = torch.tensor(load_digits().images[index], dtype=torch.float32) / 16
    conv = torch.nn.Conv2d(1, 1, kernel_size=3, padding=1, bias=False)
    with torch.no_grad():
        conv.weight.copy_(torch.tensor(EDGE_KERNEL).view(1, 1, 3, 3))
        edges = conv(image.view(1, 1, 8, 8))
        relu = torch.nn.ReLU()(edges)
        pooled = torch.nn.MaxPool2d(2)(relu)
    return image.tolist(), edges[0, 0].tolist(), relu[0, 0].tolist(), pooled[0, 0].tolist()


def draw_conv_digit(index: int = 0):
    """Four panels: digit, edge feature map, after ReLU, after 2x2 max pooling."""
    image, edges, relu, pooled = conv_digit_data(index)
    fig, axes = style.new_figure(ncols=4, width=9.6, height=2.9)
    limit = max(abs(v) for row in edges for v in row)
    panels = [
        (image, "input digit (8×8)", "gray_r", 0.0, 1.0),
        (edges, "Conv2d, edge kernel (8×8)", "RdBu_r", -limit, limit),
        (relu, "ReLU (8×8)", "RdBu_r", -limit, limit),
        (pooled, "MaxPool2d(2) (4×4)", "RdBu_r", -limit, limit),
    ]
    for ax, (data, title, cmap, lo, hi) in zip(axes, panels):
        ax.imshow(data, cmap=cmap, vmin=lo, vmax=hi)
        ax.set_title(title, fontsize=9)
        style.bare(ax)
    return fig


def _norm_layer(name: str, channels: int, spatial: tuple):
    import torch

    if name == "LayerNorm":
        return torch.nn.LayerNorm([channels, *spatial])
    if name == "GroupNorm":
        return torch.nn.GroupNorm(3, channels)
    return getattr(torch.nn, name)(channels)


def norm_group_data(name: str, shape: tuple = NORM_SHAPE, reference: tuple = NORM_REFERENCE):
    """Return an (N, C, H, W) nested list of booleans: which inputs the output at
    `reference` of the layer `name` (training mode, float64) depends on.

    Those are the elements normalised together with `reference`: they share its
    mean and variance. Found with autograd from a random input.
    """
    import torch

    torch.manual_seed(0)
    n, c, *spatial = shape
    layer = _norm_layer(name, c, tuple(spatial)).double().train()
    x = torch.randn(shape, dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(layer(x)[reference], x)
    return (grad.abs() > 1e-12).tolist()


def draw_norm_groups(shape: tuple = NORM_SHAPE, reference: tuple = NORM_REFERENCE):
    """One panel per layer: rows are samples, columns channels x positions; the
    shaded cells share statistics with the marked one."""
    import torch
    from matplotlib.colors import ListedColormap

    n, c, h, w = shape
    fig, axes = style.new_figure(nrows=len(NORM_LAYERS), width=7.0, height=6.2)
    for ax in axes:
        for spine in ax.spines.values():
            spine.set_visible(False)
    cmap = ListedColormap(["#f1f3f5", style.FUNCTION])
    ref_col = reference[1] * h * w + reference[2] * w + reference[3]
    for ax, (name, title) in zip(axes, NORM_LAYERS):
        mask = torch.tensor(norm_group_data(name, shape, reference), dtype=torch.float32)
        ax.imshow(mask.reshape(n, c * h * w), cmap=cmap, vmin=0, vmax=1, aspect="auto")
        ax.plot([ref_col], [reference[0]], marker="x", color=style.DERIVATIVE, markersize=9, markeredgewidth=2.5)
        cells = [k - 0.5 for k in range(1, c * h * w) if k % (h * w)]
        ax.vlines(cells, -0.5, n - 0.5, color="#ffffff", linewidth=0.6)
        ax.hlines([k - 0.5 for k in range(1, n)], -0.5, c * h * w - 0.5, color="#ffffff", linewidth=1.0)
        ax.vlines([k * h * w - 0.5 for k in range(1, c)], -0.5, n - 0.5, color="#404040", linewidth=1.2)
        ax.set_xticks([k * h * w + (h * w - 1) / 2 for k in range(c)], [f"c={k}" for k in range(c)], fontsize=8)
        if ax is not axes[-1]:
            ax.tick_params(labelbottom=False)
        ax.set_yticks(range(n), [f"n={k}" for k in range(n)], fontsize=8)
        ax.tick_params(length=0)
        ax.grid(False)
        ax.set_title(title, fontsize=9, loc="left")
    axes[-1].set_xlabel(f"channel c (each block: its {h}×{w} = {h * w} positions)", fontsize=9)
    fig.tight_layout()
    return fig


FIGURES = [
    Figure("layers/conv-digit", draw_conv_digit, {"index": 0}),
    Figure("layers/norm-groups", draw_norm_groups, {}),
]

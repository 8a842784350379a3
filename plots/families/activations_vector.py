"""Figures for the softmax, GLU and attention page: activations that act on a whole dimension.

Each figure has a data function that returns plain lists computed by the torch
module itself (tested in `tests/test_activations_softmax_and_attention.py`), and
a draw function that only plots those lists.
"""

from __future__ import annotations

from plots import style
from plots.figure import Figure

Z_RANGE = (-6.0, 6.0)
POINTS = 241  # one point every 0.05 on Z_RANGE
OTHERS = (0.0, 1.0)  # the logits that stay fixed while the first one moves
TEMPERATURES = (0.5, 1.0, 2.0, 5.0)


def slice_data(module: str, temperature: float = 1.0, others: tuple = OTHERS, z_range: tuple = Z_RANGE, points: int = POINTS):
    """Return `(z, f, df/dz)` as lists: entry 0 of `torch.nn.<module>(dim=-1)` applied to rows `[z, *others] / temperature`.

    Every row is one input vector; only its first logit `z` varies, so `f` is the
    output the first entry gets as `z` sweeps `z_range`. The derivative comes from
    autograd through the module.
    """
    import torch

    z = torch.linspace(*z_range, points, dtype=torch.float64, requires_grad=True)
    rest = torch.tensor(others, dtype=torch.float64).expand(points, len(others))
    logits = torch.cat([z[:, None], rest], dim=1) / temperature
    out = getattr(torch.nn, module)(dim=-1)(logits)[:, 0]
    (dz,) = torch.autograd.grad(out.sum(), z)
    return z.detach().tolist(), out.detach().tolist(), dz.tolist()


def draw_slices(module: str, temperatures: tuple = TEMPERATURES, others: tuple = OTHERS, derivative: bool = False):
    """Plot entry 0 of `nn.<module>` against its own logit, one colour per temperature.

    With `derivative=True` the autograd derivative is drawn dashed in the same colour.
    """
    fig, ax = style.new_figure()
    fixed = ", ".join(f"{value:g}" for value in others)
    for colour, temperature in zip(style.VARIANTS, temperatures):
        z, f, dz = slice_data(module, temperature, others)
        ax.plot(z, f, color=colour, label=f"f, T={temperature:g}" if derivative else f"T={temperature:g}")
        if derivative:
            ax.plot(z, dz, color=colour, linestyle="--", linewidth=1.4, label=f"df/dz, T={temperature:g}")
    ax.axhline(0, color="#808080", linewidth=0.8)
    ax.axvline(0, color="#808080", linewidth=0.8)
    ax.set_xlabel(f"z  (input = [z, {fixed}] / T)")
    ax.set_ylabel("output entry 0")
    ax.set_title(f"nn.{module}(dim=-1), entry 0")
    ax.legend(loc="best", fontsize=8)
    return fig


def softmax2d_data(shape: tuple = (3, 4, 4), seed: int = 0):
    """Return `(x, p)` as nested lists: a seeded `randn(C, H, W)` input and `nn.Softmax2d()(x)`."""
    import torch

    torch.manual_seed(seed)
    x = torch.randn(*shape, dtype=torch.float64)
    return x.tolist(), torch.nn.Softmax2d()(x).tolist()


def _heatmap(ax, values, cmap: str, vmin: float, vmax: float, title: str, annotate: bool = False):
    """`imshow` one matrix; `annotate` writes each value in its cell (each label costs SVG bytes)."""
    image = ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax)
    if annotate:
        for i, row in enumerate(values):
            for j, value in enumerate(row):
                ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=6.5, color="white" if value > 0.6 * vmax else "black")
    ax.set_title(title, fontsize=9)
    style.bare(ax)
    return image


def draw_softmax2d(shape: tuple = (3, 4, 4), seed: int = 0):
    """Top row: the input logits per channel; bottom row: Softmax2d probabilities per channel (annotated)."""
    x, p = softmax2d_data(shape, seed)
    channels = len(x)
    fig, axes = style.new_figure(ncols=channels, nrows=2, width=1.9 * channels, height=3.8)
    bound = max(abs(v) for channel in x for row in channel for v in row)
    for c in range(channels):
        logits = _heatmap(axes[0][c], x[c], "RdBu_r", -bound, bound, f"input x[{c}]")
        probs = _heatmap(axes[1][c], p[c], "Blues", 0.0, 1.0, f"output y[{c}]", annotate=True)
    fig.colorbar(logits, ax=list(axes[0]), shrink=0.8).ax.tick_params(labelsize=7)
    fig.colorbar(probs, ax=list(axes[1]), shrink=0.8).ax.tick_params(labelsize=7)
    fig.suptitle(f"nn.Softmax2d on a ({', '.join(map(str, shape))}) input: the {channels} outputs sum to 1 at every pixel", fontsize=9)
    return fig


GLU_LINEAR = (2.0, 1.0, 0.5, -1.0)


def glu_data(a_values: tuple = GLU_LINEAR, b_range: tuple = Z_RANGE, points: int = POINTS):
    """Return `(b, outputs)`: `nn.GLU(dim=-1)` on rows `[a, b]`, one list of outputs per value of `a`."""
    import torch

    b = torch.linspace(*b_range, points, dtype=torch.float64)
    outputs = []
    for a in a_values:
        rows = torch.stack([torch.full_like(b, a), b], dim=1)  # shape (points, 2): first half a, second half b
        outputs.append(torch.nn.GLU(dim=-1)(rows)[:, 0].tolist())
    return b.tolist(), outputs


def draw_glu(a_values: tuple = GLU_LINEAR):
    """GLU output against the gate half b, one curve per value of the linear half a."""
    b, outputs = glu_data(a_values)
    fig, ax = style.new_figure()
    for colour, a, out in zip(style.VARIANTS, a_values, outputs):
        ax.plot(b, out, color=colour, label=f"a = {a:g}")
    ax.axhline(0, color="#808080", linewidth=0.8)
    ax.axvline(0, color="#808080", linewidth=0.8)
    ax.set_xlabel("gate b")
    ax.set_ylabel("GLU([a, b]) = a·σ(b)")
    ax.set_title("nn.GLU(dim=-1) on input [a, b]")
    ax.legend(loc="upper left", fontsize=8)
    return fig


def attention_data(embed_dim: int = 8, num_heads: int = 2, seq_len: int = 5, seed: int = 0):
    """Return `(per_head, average)` attention weights of a seeded `nn.MultiheadAttention` self-attention.

    The input is an unbatched sequence `randn(seq_len, embed_dim)`, drawn right after
    the module is built from `torch.manual_seed(seed)`. `per_head` has shape
    `(num_heads, seq_len, seq_len)` (`average_attn_weights=False`), `average` has
    shape `(seq_len, seq_len)` (the default `average_attn_weights=True`).
    """
    import torch

    torch.manual_seed(seed)
    mha = torch.nn.MultiheadAttention(embed_dim, num_heads)
    x = torch.randn(seq_len, embed_dim)
    with torch.no_grad():
        _, per_head = mha(x, x, x, average_attn_weights=False)
        _, average = mha(x, x, x)
    return per_head.tolist(), average.tolist()


def draw_attention(embed_dim: int = 8, num_heads: int = 2, seq_len: int = 5, seed: int = 0):
    """One heatmap per head, then their average; rows are queries, columns keys."""
    per_head, average = attention_data(embed_dim, num_heads, seq_len, seed)
    panels = [(f"head {h}", weights) for h, weights in enumerate(per_head)] + [("average of the heads", average)]
    top = max(value for head in per_head for row in head for value in row)
    fig, axes = style.new_figure(ncols=len(panels), width=2.3 * len(panels), height=2.7)
    for ax, (title, weights) in zip(axes, panels):
        image = _heatmap(ax, weights, "Blues", 0.0, top, title)
        ax.set_xticks(range(seq_len))
        ax.tick_params(labelsize=7, length=0)
        ax.set_xlabel("key position", fontsize=8)
    axes[0].set_yticks(range(seq_len))
    axes[0].tick_params(labelsize=7, length=0)
    axes[0].set_ylabel("query position", fontsize=8)
    fig.colorbar(image, ax=list(axes), shrink=0.8).ax.tick_params(labelsize=7)
    fig.suptitle(f"nn.MultiheadAttention(embed_dim={embed_dim}, num_heads={num_heads}): attention weights", fontsize=10)
    return fig


FIGURES = [
    Figure("activations/softmax", draw_slices, {"module": "Softmax"}),
    Figure("activations/softmin", draw_slices, {"module": "Softmin"}),
    Figure("activations/logsoftmax", draw_slices, {"module": "LogSoftmax", "temperatures": (1.0, 2.0), "derivative": True}),
    Figure("activations/softmax2d", draw_softmax2d),
    Figure("activations/glu", draw_glu),
    Figure("activations/multiheadattention", draw_attention),
]

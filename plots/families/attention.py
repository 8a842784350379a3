"""Figures for the attention page: sinusoidal positional encoding and causal attention weights."""

from __future__ import annotations

from plots import style
from plots.figure import Figure


def positional_encoding_data(positions: int = 50, d_model: int = 32):
    """Return the sinusoidal encoding as a `positions x d_model` list of rows.

    `PE[pos, 2i] = sin(pos / 10000^(2i/d_model))` and
    `PE[pos, 2i+1] = cos(pos / 10000^(2i/d_model))`.
    """
    import torch

    pos = torch.arange(positions, dtype=torch.float64).unsqueeze(1)
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)
    angle = pos / 10000 ** (two_i / d_model)
    pe = torch.zeros(positions, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angle)
    pe[:, 1::2] = torch.cos(angle)
    return pe.tolist()


def causal_weights_data(seq_len: int = 8, d_k: int = 16, seed: int = 0):
    """Return the causal attention weights of random queries and keys as a list of rows.

    `scaled_dot_product_attention` returns `weights @ V`; with `V` the identity
    matrix that product is the weight matrix itself.
    """
    import torch
    import torch.nn.functional as F

    torch.manual_seed(seed)
    q = torch.randn(seq_len, d_k, dtype=torch.float64)
    k = torch.randn(seq_len, d_k, dtype=torch.float64)
    eye = torch.eye(seq_len, dtype=torch.float64)
    return F.scaled_dot_product_attention(q, k, eye, is_causal=True).tolist()


def draw_positional_encoding(positions: int = 50, d_model: int = 32):
    fig, ax = style.new_figure(width=5.6, height=3.6)
    image = ax.imshow(
        positional_encoding_data(positions, d_model),
        cmap="RdBu_r",
        vmin=-1,
        vmax=1,
        aspect="auto",
        interpolation="nearest",
    )
    ax.grid(False)
    ax.set_xlabel("encoding dimension (even: sin, odd: cos)")
    ax.set_ylabel("position")
    ax.set_title(f"Sinusoidal positional encoding, d_model = {d_model}")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.03)
    return fig


def draw_causal_weights(seq_len: int = 8, d_k: int = 16, seed: int = 0):
    fig, ax = style.new_figure(width=4.4, height=3.6)
    weights = causal_weights_data(seq_len, d_k, seed)
    image = ax.imshow(weights, cmap="Blues", vmin=0, vmax=1, interpolation="nearest")
    for i, row in enumerate(weights):
        for j, value in enumerate(row[: i + 1]):
            ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=6.5,
                    color="white" if value > 0.6 else "black")
    ax.grid(False)
    ax.set_xticks(range(seq_len))
    ax.set_yticks(range(seq_len))
    ax.set_xlabel("key position")
    ax.set_ylabel("query position")
    ax.set_title("Causal attention weights (each row sums to 1)")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.03)
    return fig


FIGURES = [
    Figure("attention/positional-encoding", draw_positional_encoding, {"positions": 50, "d_model": 32}),
    Figure("attention/causal-weights", draw_causal_weights, {"seq_len": 8, "d_k": 16, "seed": 0}),
]

"""Shared look of all figures, and deterministic SVG output.

matplotlib is imported inside the functions so that `plots.build` can decide
what to re-render without paying for the import.
"""

from __future__ import annotations

import io
from pathlib import Path

# Colours that stay readable on Material's light page and, inverted by the
# site's CSS, on the dark one.
FUNCTION = "#1f5fbf"
DERIVATIVE = "#d9480f"
VARIANTS = ("#1f5fbf", "#d9480f", "#2b8a3e", "#862e9c", "#5f3dc4")
GRID = "#d0d0d0"

_RC = {
    "svg.hashsalt": "pytorch-notes",  # fixed ids: same bytes on every run
    "svg.fonttype": "none",  # keep text as text: small files, selectable labels
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # one name: SVG text repeats the list on every label
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": GRID,
    "grid.linewidth": 0.6,
    "lines.linewidth": 2.0,
    "legend.frameon": False,
    "figure.dpi": 100,
}


def new_figure(ncols: int = 1, nrows: int = 1, width: float = 4.8, height: float = 3.2, **kwargs):
    """Return `(fig, axes)` in the site's style; `axes` as `plt.subplots` gives it."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update(_RC)
    return plt.subplots(nrows, ncols, figsize=(width, height), **kwargs)


def svg_bytes(fig) -> bytes:
    """Render `fig` to SVG bytes with no date or other run-dependent metadata."""
    import matplotlib.pyplot as plt

    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight", transparent=True, metadata={"Date": None})
    plt.close(fig)
    return buffer.getvalue().encode()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` to `path` only when it differs, so file watchers stay quiet."""
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def bare(ax) -> None:
    """Strip an image's axes: no ticks, grid or frame around a heatmap."""
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)

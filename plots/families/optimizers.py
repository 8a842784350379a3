"""Figures for the optimizers page: six `torch.optim` optimizers on the Rosenbrock function.

`trajectories_data` runs six real `torch.optim` optimizers on
f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, a long curved valley with its minimum at
(1, 1), and records the point and the loss before every step (stepped together
by `optimizer_paths.paths_data`, which draws each optimizer's own figure too).
Both figures draw that data: the paths over a shaded map of log f, and the loss
against the step.
"""

from __future__ import annotations

import functools

from plots import style
from plots.families.optimizer_paths import PROBLEMS, f, paths_data
from plots.figure import Figure

START = PROBLEMS["rosenbrock"][2]  # the classic starting point of the Rosenbrock test
STEPS = 400
# (label, optimizer class in torch.optim, keyword arguments); learning rates picked by hand
OPTIMIZERS = (
    ("SGD", "SGD", (("lr", 0.001),)),
    ("SGD + momentum", "SGD", (("lr", 0.001), ("momentum", 0.9))),
    ("Adagrad", "Adagrad", (("lr", 1.0),)),
    ("RMSprop", "RMSprop", (("lr", 0.01),)),
    ("Adam", "Adam", (("lr", 0.1),)),
    ("AdamW", "AdamW", (("lr", 0.1), ("weight_decay", 0.01))),
)
COLOURS = ("#495057", "#d9480f", "#2b8a3e", "#862e9c", "#1f5fbf", "#0b7285")  # one per optimizer


def rosenbrock(x, y):
    """The test function; works on floats and tensors."""
    return f("rosenbrock", x, y)


@functools.lru_cache(maxsize=None)
def trajectories_data(optimizers: tuple = OPTIMIZERS, steps: int = STEPS) -> list:
    """One `(xs, ys, losses)` per optimizer, lists of `steps + 1` floats from START:
    the point and its loss before each step, and after the last one. float64."""
    return paths_data(tuple((name, kwargs) for _, name, kwargs in optimizers), "rosenbrock", steps)


def _label(label: str, kwargs: tuple) -> str:
    return f"{label} ({', '.join(f'{key}={value}' for key, value in kwargs)})"


def draw_trajectories(optimizers: tuple = OPTIMIZERS, steps: int = STEPS):
    """One panel per optimizer: its path over a shaded map of log10 f."""
    import torch

    fig, axes = style.new_figure(ncols=3, nrows=2, width=9.6, height=6.0)
    extent = (-2.0, 2.0, -1.0, 3.0)
    gx, gy = torch.meshgrid(torch.linspace(-2.0, 2.0, 33), torch.linspace(-1.0, 3.0, 33), indexing="xy")
    shade = torch.log10(rosenbrock(gx, gy) + 0.1)  # embedded unresampled (interpolation="none"): a small SVG
    for ax, colour, (label, name, kwargs), (xs, ys, losses) in zip(axes.flat, COLOURS, optimizers, trajectories_data(optimizers, steps)):
        ax.imshow(shade, extent=extent, origin="lower", cmap="Greys", vmin=-1.5, vmax=7.0, aspect="auto", interpolation="none")
        ax.plot(xs, ys, color=colour, linewidth=1.4)
        ax.plot([START[0]], [START[1]], marker="o", color="#202020", markersize=4)
        ax.plot([1.0], [1.0], marker="*", color="#202020", markersize=9)
        ax.set_title(_label(label, kwargs), fontsize=8.5)
        ax.text(0.04, 0.05, f"loss after {steps} steps: {losses[-1]:.2g}", transform=ax.transAxes, fontsize=8)
        ax.grid(False)
        ax.set_xticks([-2, 0, 2] if ax in axes[-1] else [])  # ticks on the outer panels only
        ax.set_yticks([-1, 1, 3] if ax in axes[:, 0] else [])
        ax.set_xlim(-2.0, 2.0)
        ax.set_ylim(-1.0, 3.0)
    fig.tight_layout()
    return fig


def draw_loss_curves(optimizers: tuple = OPTIMIZERS, steps: int = STEPS):
    """The loss against the step, on a log scale, for every optimizer."""
    fig, ax = style.new_figure(width=8.0, height=3.6)
    for colour, (label, name, kwargs), (_, _, losses) in zip(COLOURS, optimizers, trajectories_data(optimizers, steps)):
        dashes = "--" if name == "AdamW" else "-"  # AdamW shares most of its path with Adam
        ax.plot(range(len(losses)), losses, color=colour, linestyle=dashes, linewidth=1.4, label=_label(label, kwargs))
    ax.set_yscale("log")
    ax.set_xlabel("step")
    ax.set_ylabel("Rosenbrock loss")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0))
    return fig


FIGURES = [
    Figure("optimizers/trajectories", draw_trajectories, {}),
    Figure("optimizers/loss-curves", draw_loss_curves, {}),
]

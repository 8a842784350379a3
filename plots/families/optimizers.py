"""Figures for the optimizers page: six `torch.optim` optimizers on the Rosenbrock function.

`trajectory_data` runs a real `torch.optim` optimizer on
f(x, y) = (1 - x)^2 + 100 (y - x^2)^2, a long curved valley with its minimum at
(1, 1), and records the point and the loss before every step. Both figures draw
that data: the paths over a shaded map of log f, and the loss against the step.
"""

from __future__ import annotations

import functools

from plots import style
from plots.figure import Figure

START = (-1.2, 1.0)  # the classic starting point of the Rosenbrock test
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
    return (1 - x) ** 2 + 100 * (y - x**2) ** 2


@functools.lru_cache(maxsize=None)
def trajectory_data(name: str, kwargs: tuple = (), steps: int = STEPS, start: tuple = START):
    """Run `torch.optim.<name>([p], **dict(kwargs))` on the Rosenbrock function.

    Returns `(xs, ys, losses)`, lists of `steps + 1` floats: the point and its loss
    before each step, and after the last one. float64 throughout.
    """
    import torch

    p = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = getattr(torch.optim, name)([p], **dict(kwargs))
    xs, ys, losses = [], [], []
    for _ in range(steps):
        optimizer.zero_grad()
        loss = rosenbrock(p[0], p[1])
        loss.backward()
        xs.append(p[0].item())
        ys.append(p[1].item())
        losses.append(loss.item())
        optimizer.step()
    xs.append(p[0].item())
    ys.append(p[1].item())
    losses.append(rosenbrock(p[0], p[1]).item())
    return xs, ys, losses


def _label(label: str, kwargs: tuple) -> str:
    return f"{label} ({', '.join(f'{key}={value}' for key, value in kwargs)})"


def draw_trajectories(optimizers: tuple = OPTIMIZERS, steps: int = STEPS, start: tuple = START):
    """One panel per optimizer: its path over a shaded map of log10 f."""
    import torch

    fig, axes = style.new_figure(ncols=3, nrows=2, width=9.6, height=6.0)
    extent = (-2.0, 2.0, -1.0, 3.0)
    gx, gy = torch.meshgrid(torch.linspace(-2.0, 2.0, 33), torch.linspace(-1.0, 3.0, 33), indexing="xy")
    shade = torch.log10(rosenbrock(gx, gy) + 0.1)  # embedded unresampled (interpolation="none"): a small SVG
    for ax, colour, (label, name, kwargs) in zip(axes.flat, COLOURS, optimizers):
        xs, ys, losses = trajectory_data(name, kwargs, steps, start)
        ax.imshow(shade, extent=extent, origin="lower", cmap="Greys", vmin=-1.5, vmax=7.0, aspect="auto", interpolation="none")
        ax.plot(xs, ys, color=colour, linewidth=1.4)
        ax.plot([start[0]], [start[1]], marker="o", color="#202020", markersize=4)
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


def draw_loss_curves(optimizers: tuple = OPTIMIZERS, steps: int = STEPS, start: tuple = START):
    """The loss against the step, on a log scale, for every optimizer."""
    fig, ax = style.new_figure(width=8.0, height=3.6)
    for colour, (label, name, kwargs) in zip(COLOURS, optimizers):
        losses = trajectory_data(name, kwargs, steps, start)[2]
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

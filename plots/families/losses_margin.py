"""Figures for the embedding, margin and ranking losses page.

Every curve comes from the torch loss module it is labelled with:

- `margin_curve_data`: hinge-type losses of the signed margin z = y * f(x), and
  their slopes from autograd (`losses/hinge`).
- `triplet_curve_data` and `triplet_map_data`: TripletMarginLoss against
  d(a, p) - d(a, n), and over all positions of the negative in the plane
  (`losses/triplet`).
- `ctc_training_data`: per-frame probabilities of free logits before and after
  gradient descent on CTCLoss (`losses/ctc`).
"""

from __future__ import annotations

from plots import style
from plots.figure import Figure

Z_RANGE = (-2.0, 3.0)
Z_POINTS = 501  # z = 0 and z = 1 are sample points


def margin_curve_data(z_range: tuple = Z_RANGE, points: int = Z_POINTS):
    """Losses of the signed margin `z` and their slopes dL/dz (autograd).

    Returns a dict of plain lists: `z`, then for each key in
    `("hinge", "ranking0", "soft")` the loss values and, under `d_<key>`,
    the slope:

    - hinge: `nn.MarginRankingLoss(margin=1.0)(z, 0, 1)` = max(0, 1 - z),
    - ranking0: `nn.MarginRankingLoss(margin=0.0)(z, 0, 1)` = max(0, -z),
    - soft: `nn.SoftMarginLoss()(z, 1)` = log(1 + exp(-z)).
    """
    import torch
    from torch import nn

    z = torch.linspace(*z_range, points, dtype=torch.float64)
    ones, zeros = torch.ones_like(z), torch.zeros_like(z)
    losses = {
        "hinge": lambda t: nn.MarginRankingLoss(margin=1.0, reduction="none")(t, zeros, ones),
        "ranking0": lambda t: nn.MarginRankingLoss(margin=0.0, reduction="none")(t, zeros, ones),
        "soft": lambda t: nn.SoftMarginLoss(reduction="none")(t, ones),
    }
    data = {"z": z.tolist()}
    for key, loss in losses.items():
        t = z.clone().requires_grad_(True)
        value = loss(t)
        (slope,) = torch.autograd.grad(value.sum(), t)
        data[key] = value.detach().tolist()
        data[f"d_{key}"] = slope.tolist()
    return data


def draw_margin_losses():
    """Left: hinge-type losses and the 0-1 loss against z; right: their slopes."""
    data = margin_curve_data()
    z = data["z"]
    fig, (left, right) = style.new_figure(ncols=2, width=8.8, height=3.2)
    zero_one = [1.0 if v <= 0 else 0.0 for v in z]
    left.plot(z, zero_one, color="#808080", linestyle=":", linewidth=1.6, label="0-1 loss (errors)")
    curves = [
        ("hinge", "hinge: MarginRankingLoss(margin=1)"),
        ("soft", "SoftMarginLoss"),
        ("ranking0", "MarginRankingLoss(margin=0)"),
    ]
    for colour, (key, label) in zip(style.VARIANTS, curves):
        left.plot(z, data[key], color=colour, label=label)
        right.plot(z, data[f"d_{key}"], color=colour, label=label)
    for ax in (left, right):
        ax.axhline(0, color="#808080", linewidth=0.8)
        ax.axvline(0, color="#808080", linewidth=0.8)
        ax.set_xlabel("signed margin z = y · f(x)")
    left.set_ylim(-0.2, 3.2)
    left.set_title("loss")
    left.legend(loc="upper right", fontsize=8)
    right.set_ylim(-1.15, 0.25)
    right.set_title("slope dL/dz (autograd)")
    return fig


TRIPLET_MARGINS = (0.5, 1.0, 2.0)
MAP_RANGE = (-3.0, 3.0)
MAP_POINTS = 41


def triplet_curve_data(margins: tuple = TRIPLET_MARGINS, points: int = 41):
    """`nn.TripletMarginLoss(margin=m)` for 1-D triplets a = 0, n = 2, p from 0 to 4.

    Returns `(diff, losses)`: `diff` = d(a, p) - d(a, n) with d =
    `nn.PairwiseDistance()` (what the loss uses), and `losses[m]` the
    per-triplet losses for each margin m, all plain lists.
    """
    import torch
    from torch import nn

    p = torch.linspace(0.0, 4.0, points, dtype=torch.float64).unsqueeze(1)
    a = torch.zeros_like(p)
    n = torch.full_like(p, 2.0)
    dist = nn.PairwiseDistance()
    diff = dist(a, p) - dist(a, n)
    losses = {m: nn.TripletMarginLoss(margin=m, reduction="none")(a, p, n).tolist() for m in margins}
    return diff.tolist(), losses


def triplet_map_data(margin: float = 1.0, points: int = MAP_POINTS):
    """Loss for anchor (0, 0), positive (1, 0) and a negative anywhere on a grid.

    Returns `(coords, grid)`: the grid coordinates along each axis, and
    `grid[i][j]` = `nn.TripletMarginLoss(margin)` with the negative at
    (x = coords[j], y = coords[i]).
    """
    import torch
    from torch import nn

    coords = torch.linspace(*MAP_RANGE, points, dtype=torch.float64)
    gy, gx = torch.meshgrid(coords, coords, indexing="ij")
    n = torch.stack([gx.flatten(), gy.flatten()], dim=1)
    a = torch.zeros_like(n)
    p = torch.tensor([[1.0, 0.0]], dtype=torch.float64).expand_as(n)
    loss = nn.TripletMarginLoss(margin=margin, reduction="none")(a, p, n)
    return coords.tolist(), loss.view(points, points).tolist()


def draw_triplet(margin: float = 1.0):
    """Left: loss against d(a, p) - d(a, n) for several margins; right: loss over negative positions."""
    import math

    diff, losses = triplet_curve_data()
    coords, grid = triplet_map_data(margin)
    fig, (left, right) = style.new_figure(ncols=2, width=8.8, height=3.6)
    for colour, (m, values) in zip(style.VARIANTS, losses.items()):
        left.plot(diff, values, color=colour, label=f"margin = {m:g}")
    left.axhline(0, color="#808080", linewidth=0.8)
    left.axvline(0, color="#808080", linewidth=0.8)
    left.set_xlabel("d(a, p) − d(a, n)")
    left.set_title("nn.TripletMarginLoss")
    left.legend(loc="upper left", fontsize=8)

    lo, hi = coords[0], coords[-1]
    image = right.imshow(grid, origin="lower", extent=(lo, hi, lo, hi), cmap="Blues", vmin=0)
    fig.colorbar(image, ax=right, fraction=0.046, pad=0.04, label="loss")
    angle = [2 * math.pi * k / 72 for k in range(73)]
    for radius, text in ((1.0, "hard"), (1.0 + margin, "semi-hard")):
        right.plot([radius * math.cos(t) for t in angle], [radius * math.sin(t) for t in angle],
                   color="#404040", linewidth=1.0, linestyle="--")
        right.annotate(text, (0.0, radius), xytext=(0.0, radius - 0.3), ha="center", fontsize=8)
    right.annotate("easy (loss 0)", (0.0, 2.6), ha="center", fontsize=8)
    right.plot([0.0], [0.0], "o", color="#d9480f", markersize=6)
    right.plot([1.0], [0.0], "^", color="#2b8a3e", markersize=7)
    right.annotate("a", (0.0, 0.0), xytext=(-0.35, -0.35), fontsize=9)
    right.annotate("p", (1.0, 0.0), xytext=(1.15, -0.35), fontsize=9)
    right.set_title(f"loss for a negative at (x, y), margin {margin:g}", fontsize=9)
    right.set_aspect("equal")
    right.grid(False)
    return fig


CTC_SYMBOLS = "-ab"  # index 0 is the blank
CTC_TARGET = (1, 2, 2, 1)  # "abba": the repeated b needs a blank between its two copies
CTC_FRAMES = 10


def ctc_training_data(steps: int = 150, lr: float = 1.0):
    """Fit free logits of shape (T, C) to the target "abba" with `nn.CTCLoss`.

    The logits start as `0.1 * torch.randn(T, C)` after `torch.manual_seed(0)`
    and follow plain gradient descent `z <- z - lr * dL/dz` on
    `CTCLoss(reduction="sum")(log_softmax(z))`. Returns a dict: `before` and
    `after` (per-frame probabilities, T lists of C values), `losses` (the loss
    before each step and after the last one).
    """
    import torch
    from torch import nn

    torch.manual_seed(0)
    logits = (0.1 * torch.randn(CTC_FRAMES, len(CTC_SYMBOLS), dtype=torch.float64)).requires_grad_(True)
    targets = torch.tensor([CTC_TARGET])
    lengths = dict(input_lengths=torch.tensor([CTC_FRAMES]), target_lengths=torch.tensor([len(CTC_TARGET)]))
    ctc = nn.CTCLoss(reduction="sum")

    def loss_of(z):
        return ctc(z.log_softmax(dim=1).unsqueeze(1), targets, **lengths)

    before = logits.detach().softmax(dim=1).tolist()
    losses = []
    for _ in range(steps):
        loss = loss_of(logits)
        losses.append(loss.item())
        (grad,) = torch.autograd.grad(loss, logits)
        with torch.no_grad():
            logits -= lr * grad
    losses.append(loss_of(logits).item())
    return {"before": before, "after": logits.detach().softmax(dim=1).tolist(), "losses": losses}


def greedy_decode(probs) -> str:
    """Best-path decoding: the most likely symbol per frame, repeats merged, blanks dropped."""
    best = [max(range(len(row)), key=row.__getitem__) for row in probs]
    merged = [s for i, s in enumerate(best) if i == 0 or s != best[i - 1]]
    return "".join(CTC_SYMBOLS[s] for s in merged if s != 0)


def draw_ctc(steps: int = 150, lr: float = 1.0):
    """Per-frame symbol probabilities before and after CTC training, as heat maps."""
    data = ctc_training_data(steps, lr)
    fig, axes = style.new_figure(ncols=2, width=8.8, height=2.4)
    panels = [
        (data["before"], f"before: loss {data['losses'][0]:.2f}"),
        (data["after"], f"after {steps} steps: loss {data['losses'][-1]:.2f}"),
    ]
    for ax, (probs, title) in zip(axes, panels):
        columns = [list(col) for col in zip(*probs)]  # (C, T): one row per symbol
        image = ax.imshow(columns, cmap="Blues", vmin=0, vmax=1, aspect="auto")
        decoded = greedy_decode(probs) or "(empty)"
        ax.set_title(f"{title}, greedy decoding: {decoded}", fontsize=9)
        ax.set_yticks(range(len(CTC_SYMBOLS)), ["blank", "a", "b"])
        ax.set_xticks(range(CTC_FRAMES), [str(t + 1) for t in range(CTC_FRAMES)], fontsize=8)
        ax.set_xlabel("frame t")
        ax.grid(False)
    fig.colorbar(image, ax=list(axes), fraction=0.03, pad=0.02, label="probability")
    return fig


FIGURES = [
    Figure("losses/hinge", draw_margin_losses, {}),
    Figure("losses/triplet", draw_triplet, {"margin": 1.0}),
    Figure("losses/ctc", draw_ctc, {"steps": 150, "lr": 1.0}),
]

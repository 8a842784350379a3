"""Figures for the classification-losses page.

- `losses/cross-entropy`: `nn.CrossEntropyLoss` as a function of the predicted
  probability of the true class, with its gradient with respect to that class's
  logit (from autograd): `cross_entropy_data`.
- `losses/bce-vs-logits`: `nn.BCELoss(sigmoid(x))` against `nn.BCEWithLogitsLoss(x)`
  in float32 for a negative target, loss and gradient: `bce_stability_data`.
- `losses/label-smoothing`: `nn.CrossEntropyLoss(label_smoothing=eps)` as a function
  of the true-class logit, with its minimum: `label_smoothing_data`.
"""

from plots import style
from plots.figure import Figure

SMOOTHING = (0.0, 0.1, 0.2)


def cross_entropy_data(num_classes: int = 3, z_range: tuple = (-6.0, 8.0), points: int = 281):
    """CE of logits `[z, 0, ..., 0]` with target 0, for z on a grid.

    Returns a dict of lists: the logit `z`, the softmax probability `p` of the true
    class, the loss `loss` of `nn.CrossEntropyLoss()` and its gradient `grad` with
    respect to `z` (autograd).
    """
    import torch

    z = torch.linspace(*z_range, points, dtype=torch.float64)
    logits = torch.zeros(points, num_classes, dtype=torch.float64)
    logits[:, 0] = z
    logits.requires_grad_(True)
    target = torch.zeros(points, dtype=torch.long)
    loss = torch.nn.CrossEntropyLoss(reduction="none")(logits, target)
    (grad,) = torch.autograd.grad(loss.sum(), logits)
    p = logits.detach().softmax(dim=1)[:, 0]
    return {"z": z.tolist(), "p": p.tolist(), "loss": loss.detach().tolist(), "grad": grad[:, 0].tolist()}


def draw_cross_entropy(num_classes: int = 3):
    data = cross_entropy_data(num_classes)
    fig, ax = style.new_figure(width=5.2, height=3.4)
    ax.plot(data["p"], data["loss"], color=style.FUNCTION, label="loss = -log p")
    ax.plot(data["p"], data["grad"], color=style.DERIVATIVE, linestyle="--", linewidth=1.6, label="d loss / d logit = p - 1")
    ax.axhline(0, color="#808080", linewidth=0.8)
    ax.set_xlim(0, 1)
    ax.set_ylim(-1.2, 5)
    ax.set_xlabel("predicted probability p of the true class")
    ax.set_title("nn.CrossEntropyLoss for one sample")
    ax.legend(loc="upper right", fontsize=8)
    return fig


def bce_stability_data(x_range: tuple = (-5.0, 30.0), points: int = 351):
    """Loss and gradient of both BCE routes for target 0, in float32.

    Returns a dict of lists: `x`; `bce` and `bce_grad` for `nn.BCELoss()(sigmoid(x), 0)`;
    `logits` and `logits_grad` for `nn.BCEWithLogitsLoss()(x, 0)` (per element).
    """
    import torch

    x = torch.linspace(*x_range, points, dtype=torch.float32, requires_grad=True)
    y = torch.zeros(points)
    bce = torch.nn.BCELoss(reduction="none")(torch.sigmoid(x), y)
    (bce_grad,) = torch.autograd.grad(bce.sum(), x)
    logits = torch.nn.BCEWithLogitsLoss(reduction="none")(x, y)
    (logits_grad,) = torch.autograd.grad(logits.sum(), x)
    return {
        "x": x.detach().tolist(),
        "bce": bce.detach().tolist(),
        "bce_grad": bce_grad.tolist(),
        "logits": logits.detach().tolist(),
        "logits_grad": logits_grad.tolist(),
    }


def draw_bce_vs_logits():
    data = bce_stability_data()
    fig, (left, right) = style.new_figure(ncols=2, width=8.4, height=3.2)
    two, fused = style.VARIANTS[1], style.VARIANTS[0]
    left.plot(data["x"], data["logits"], color=fused, label="BCEWithLogitsLoss(x)")
    left.plot(data["x"], data["bce"], color=two, linestyle="--", linewidth=1.6, label="BCELoss(sigmoid(x))")
    left.set_xlabel("logit x (target y = 0)")
    left.set_title("Loss, float32")
    left.legend(loc="upper left", fontsize=8)
    right.plot(data["x"], data["logits_grad"], color=fused, label="BCEWithLogitsLoss(x)")
    right.plot(data["x"], data["bce_grad"], color=two, linestyle="--", linewidth=1.6, label="BCELoss(sigmoid(x))")
    right.set_ylim(-0.05, 1.15)
    right.set_xlabel("logit x (target y = 0)")
    right.set_title("Gradient d loss / dx")
    right.legend(loc="center left", fontsize=8)
    return fig


def label_smoothing_data(num_classes: int = 5, epsilons: tuple = SMOOTHING, z_range: tuple = (-2.0, 10.0), points: int = 241):
    """CE with label smoothing for logits `[z, 0, ..., 0]` and target 0.

    Returns a dict: `z` (list) and `loss` mapping each epsilon to the list of
    `nn.CrossEntropyLoss(label_smoothing=eps)` values.
    """
    import torch

    z = torch.linspace(*z_range, points, dtype=torch.float64)
    logits = torch.zeros(points, num_classes, dtype=torch.float64)
    logits[:, 0] = z
    target = torch.zeros(points, dtype=torch.long)
    losses = {eps: torch.nn.CrossEntropyLoss(reduction="none", label_smoothing=eps)(logits, target).tolist() for eps in epsilons}
    return {"z": z.tolist(), "loss": losses}


def best_logit(num_classes: int, eps: float) -> float:
    """The z minimising the smoothed CE of `[z, 0, ..., 0]`: log((1 - eps + eps/C) / (eps/C))."""
    import math

    return math.log((1 - eps + eps / num_classes) / (eps / num_classes))


def draw_label_smoothing(num_classes: int = 5, epsilons: tuple = SMOOTHING):
    data = label_smoothing_data(num_classes, epsilons)
    fig, ax = style.new_figure(width=5.2, height=3.4)
    for colour, eps in zip(style.VARIANTS, epsilons):
        ax.plot(data["z"], data["loss"][eps], color=colour, label=f"label_smoothing={eps}")
        if eps > 0:
            z_star = best_logit(num_classes, eps)
            loss = smoothed_ce_by_hand(num_classes, eps, z_star)
            ax.plot([z_star], [loss], "o", color=colour, markersize=5)
    ax.set_ylim(0, 3)
    ax.set_xlabel(f"logit z of the true class (the other {num_classes - 1} logits are 0)")
    ax.set_title(f"nn.CrossEntropyLoss, C = {num_classes}")
    ax.legend(loc="upper right", fontsize=8)
    return fig


def smoothed_ce_by_hand(num_classes: int, eps: float, z: float) -> float:
    """The smoothed CE of `[z, 0, ..., 0]`, target 0, in plain math (marks the minimum)."""
    import math

    log_norm = math.log(math.exp(z) + num_classes - 1)
    true_weight = 1 - eps + eps / num_classes
    return true_weight * (log_norm - z) + (1 - true_weight) * log_norm


FIGURES = [
    Figure("losses/cross-entropy", draw_cross_entropy, {}),
    Figure("losses/bce-vs-logits", draw_bce_vs_logits, {}),
    Figure("losses/label-smoothing", draw_label_smoothing, {}),
]

"""One figure per loss section: the loss and its autograd gradient against the one
quantity it depends on, with the variants its arguments make visible.

Every data function below calls the torch loss it is named after (with
`reduction="none"` unless the reduction is the point), in float64, and returns
plain lists: `{"x": [...], "curves": [{"label", "loss", "grad"}, ...]}`, where
`grad` is d loss / d x from autograd. `draw_loss_and_grad` draws any of them:
loss on the left, gradient on the right. The tests of each loss page compare
these data functions with the formulas the page states.

Also here: the losses the notes list that torch does not ship (focal loss, the
Brier score, exponential, log-cosh, quantile and epsilon-insensitive losses),
written in torch, and `linear_ce_memory_data`, which measures the largest
tensor `nn.LinearCrossEntropyLoss` creates with and without chunking.
"""

from __future__ import annotations

from plots import style
from plots.figure import Figure


def _grid(lo: float, hi: float, points: int):
    import torch

    return torch.linspace(lo, hi, points, dtype=torch.float64, requires_grad=True)


def _curve(label: str, x, loss, **extra) -> dict:
    """One curve: `loss` (one value per grid point) and its gradient with respect to `x`."""
    import torch

    (grad,) = torch.autograd.grad(loss.sum(), x, retain_graph=True)  # curves may share inputs built from x
    return {"label": label, "loss": loss.detach().tolist(), "grad": grad.tolist(), **extra}


# -- regression ---------------------------------------------------------------------

TARGETS = (1.0, 2.0, 3.0, 4.0, 5.0)
TARGETS_OUTLIER = (1.0, 2.0, 3.0, 4.0, 12.0)


def best_constant_data(module: str, points: int = 321):
    """`nn.<module>()` (mean) of one constant prediction c for every target, against c.

    Two target sets: 1..5 and the same with 5 replaced by the outlier 12. Marks the
    minimum of each curve on the grid (c = mean for MSELoss, median for L1Loss).
    """
    import torch

    loss_fn = getattr(torch.nn, module)(reduction="none")
    c = _grid(0.0, 8.0, points)
    curves = []
    for name, targets in (("targets 1, 2, 3, 4, 5", TARGETS), ("outlier: 5 replaced by 12", TARGETS_OUTLIER)):
        y = torch.tensor(targets, dtype=torch.float64)
        loss = loss_fn(c[:, None].expand(-1, len(y)), y.expand(points, -1)).mean(dim=1)
        best = loss.argmin()
        curves.append(_curve(name, c, loss, mark=(c[best].item(), loss[best].item())))
    return {"x": c.detach().tolist(), "curves": curves}


def log_cosh_quantile_data(taus: tuple = (0.1, 0.5, 0.9), points: int = 241):
    """Log-cosh loss and the quantile (pinball) loss for each tau, against d = prediction - target."""
    d = _grid(-3.0, 3.0, points)
    curves = [_curve("log-cosh", d, log_cosh_loss(d, 0 * d))]
    curves += [_curve(f"quantile, τ = {tau:g}", d, quantile_loss(d, 0 * d, tau)) for tau in taus]
    return {"x": d.detach().tolist(), "curves": curves}


def log_cosh_loss(pred, target):
    """log(cosh(d)) per element, computed as |d| + softplus(-2|d|) - log 2 so that it never overflows."""
    import math

    import torch.nn.functional as F

    d = (pred - target).abs()
    return d + F.softplus(-2 * d) - math.log(2)


def quantile_loss(pred, target, tau: float):
    """Pinball loss per element: tau * r for r = target - pred >= 0, (tau - 1) * r below."""
    import torch

    r = target - pred
    return torch.maximum(tau * r, (tau - 1) * r)


# -- classification -------------------------------------------------------------------


def nll_data(points: int = 201):
    """`nn.NLLLoss(reduction="none")` of log-probabilities whose true-class entry is x.

    Three classes, target 0; the curves: no weight, class weight 2 for class 0, and the
    target equal to `ignore_index`.
    """
    import torch

    x = _grid(-5.0, 0.0, points)

    def log_probs():
        rest = torch.log((1 - x.exp()) / 2).detach()  # the other two classes share what is left
        return torch.stack([x, rest, rest], dim=1)

    target = torch.zeros(points, dtype=torch.long)
    nll = torch.nn.NLLLoss
    weight = torch.tensor([2.0, 1.0, 1.0], dtype=torch.float64)
    curves = [
        _curve("weight=None", x, nll(reduction="none")(log_probs(), target)),
        _curve("weight[y] = 2", x, nll(weight=weight, reduction="none")(log_probs(), target)),
        _curve("y = ignore_index", x, nll(ignore_index=0, reduction="none")(log_probs(), target)),
    ]
    return {"x": x.detach().tolist(), "curves": curves}


def bce_data(targets: tuple = (1.0, 0.0, 0.3), points: int = 199):
    """`nn.BCELoss(reduction="none")` against the predicted probability p, one curve per target."""
    import torch

    p = _grid(0.005, 0.995, points)
    bce = torch.nn.BCELoss(reduction="none")
    curves = []
    for y in targets:
        # a soft target's minimum is at p = y, where the loss is the entropy of y, not 0
        mark = {"mark": (y, bce(torch.tensor(y), torch.tensor(y)).item())} if 0 < y < 1 else {}
        curves.append(_curve(f"y = {y:g}", p, bce(p, torch.full_like(p, y)), **mark))
    return {"x": p.detach().tolist(), "curves": curves}


KL_TARGET = (0.3, 0.7)


def kl_data(target: tuple = KL_TARGET, points: int = 197):
    """KL(P || Q) for two classes, Q = (q, 1 - q) against q, P fixed.

    Per sample, the sum over the classes of `nn.KLDivLoss(reduction="none")`:
    with log Q as input and P as target, with `log_target=True` and log P, and the
    common mistake of passing Q itself (not its log) as the input.
    """
    import torch

    q = _grid(0.01, 0.99, points)
    Q = torch.stack([q, 1 - q], dim=1)
    P = torch.tensor(target, dtype=torch.float64).expand(points, 2)
    kl = torch.nn.KLDivLoss(reduction="none")
    kl_log = torch.nn.KLDivLoss(reduction="none", log_target=True)
    curves = [
        _curve("input log Q, target P", q, kl(Q.log(), P).sum(dim=1), mark=(target[0], 0.0)),
        _curve("log_target=True, target log P", q, kl_log(Q.log(), P.log()).sum(dim=1), style="--"),
        _curve("mistake: input Q (not log Q)", q, kl(Q, P).sum(dim=1), style=":"),
    ]
    return {"x": q.detach().tolist(), "curves": curves}


def multilabel_soft_margin_data(points: int = 241):
    """`nn.MultiLabelSoftMarginLoss(reduction="none")` against one logit x.

    One label (C = 1) with y = 1 and y = 0, and y = 1 as one of C = 4 labels whose
    other three have logit 0 and label 0 (the loss averages over the C labels).
    """
    import torch

    x = _grid(-6.0, 6.0, points)
    loss = torch.nn.MultiLabelSoftMarginLoss(reduction="none")
    ones, zeros = torch.ones(points, 1), torch.zeros(points, 1)
    four = torch.cat([x[:, None], torch.zeros(points, 3, dtype=torch.float64)], dim=1)
    curves = [
        _curve("y = 1, C = 1", x, loss(x[:, None], ones)),
        _curve("y = 0, C = 1", x, loss(x[:, None], zeros)),
        _curve("y = 1, one of C = 4 labels", x, loss(four, torch.cat([ones, zeros.expand(-1, 3)], dim=1))),
    ]
    return {"x": x.detach().tolist(), "curves": curves}


def focal_loss(logits, target, gamma: float = 2.0):
    """Per-sample focal loss -(1 - p_y)^gamma log p_y, p = softmax(logits); gamma = 0 is cross-entropy."""
    log_p = logits.log_softmax(dim=1).gather(1, target[:, None]).squeeze(1)
    return -((1 - log_p.exp()) ** gamma) * log_p


def brier_score(logits, target):
    """Per-sample Brier score: squared distance between softmax(logits) and the one-hot target."""
    import torch.nn.functional as F

    one_hot = F.one_hot(target, logits.shape[1]).to(logits.dtype)
    return ((logits.softmax(dim=1) - one_hot) ** 2).sum(dim=1)


def focal_brier_data(gammas: tuple = (0.0, 2.0, 5.0), points: int = 161):
    """Focal loss for each gamma and the Brier score of two classes, logits (z, 0) and target 0.

    x is p = sigmoid(z), the probability of the true class; the gradient is with
    respect to the logit z.
    """
    import torch

    z = _grid(-6.0, 6.0, points)
    logits = torch.stack([z, torch.zeros_like(z)], dim=1)
    target = torch.zeros(points, dtype=torch.long)
    curves = [_curve(f"focal, γ = {g:g}" + (" (cross-entropy)" if g == 0 else ""), z, focal_loss(logits, target, g)) for g in gammas]
    curves.append(_curve("Brier score", z, brier_score(logits, target), style="--"))
    return {"x": torch.sigmoid(z).detach().tolist(), "curves": curves}


def linear_ce_memory_data(rows: tuple = (32, 64, 128, 256), in_features: int = 8, classes: int = 1024):
    """Run `nn.LinearCrossEntropyLoss` forward and backward with and without chunking.

    For each batch size N: the loss of both paths, the largest gradient difference
    for the input, and the number of elements of the largest tensor any torch
    operation returned during forward and backward (the (N, C) logits on the
    reference path).
    """
    import torch
    from torch.utils._python_dispatch import TorchDispatchMode

    class Largest(TorchDispatchMode):
        """Records the size of every tensor an operation returns."""

        def __init__(self):
            super().__init__()
            self.elements = 0

        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            out = func(*args, **(kwargs or {}))
            for t in out if isinstance(out, (tuple, list)) else (out,):
                if isinstance(t, torch.Tensor):
                    self.elements = max(self.elements, t.numel())
            return out

    found = {"rows": list(rows), "classes": classes, "reference": [], "chunked": []}
    for n in rows:
        gen = torch.Generator().manual_seed(n)
        h = torch.randn(n, in_features, generator=gen, dtype=torch.float64)
        y = torch.randint(classes, (n,), generator=gen)
        weight = torch.randn(classes, in_features, generator=gen, dtype=torch.float64)
        for key, options in (("reference", None), ("chunked", torch.nn.LinearCrossEntropyOptions())):
            loss_fn = torch.nn.LinearCrossEntropyLoss(in_features, classes, options=options, dtype=torch.float64)
            with torch.no_grad():
                loss_fn.linear.weight.copy_(weight)
            x = h.clone().requires_grad_(True)
            with Largest() as seen:
                loss = loss_fn(x, y)
                (grad,) = torch.autograd.grad(loss, x)
            found[key].append({"loss": loss.item(), "grad": grad.tolist(), "largest": seen.elements})
    return found


def draw_linear_ce_memory():
    data = linear_ce_memory_data()
    rows, classes = data["rows"], data["classes"]
    fig, (left, right) = style.new_figure(ncols=2, width=8.4, height=3.2)
    for colour, key, marker in ((style.VARIANTS[0], "reference", "o"), (style.VARIANTS[1], "chunked", "s")):
        label = "options=None" if key == "reference" else "options=LinearCrossEntropyOptions()"
        left.plot(rows, [r["largest"] / 1024 for r in data[key]], marker=marker, color=colour, label=label)
        right.plot(rows, [r["loss"] for r in data[key]], marker=marker, linestyle="none", color=colour, markersize=9 if key == "reference" else 5, label=label)
    left.set_xscale("log", base=2)
    left.set_xticks(rows, [str(n) for n in rows])
    left.minorticks_off()
    left.set_xlabel("batch rows N")
    left.set_ylabel("elements (× 1024)")
    left.set_title(f"largest tensor created, C = {classes}", fontsize=9)
    left.legend(loc="upper left", fontsize=8)
    right.set_xscale("log", base=2)
    right.set_xticks(rows, [str(n) for n in rows])
    right.minorticks_off()
    right.set_xlabel("batch rows N")
    worst = max(abs(a - b) for r, c in zip(data["reference"], data["chunked"]) for a, b in zip(sum(r["grad"], []), sum(c["grad"], [])))
    right.set_title(f"loss: the same on both paths (gradients within {worst:.0e})", fontsize=9)
    right.legend(loc="lower left", fontsize=8)
    return fig


# -- margin, ranking and embedding losses --------------------------------------------------------


def soft_margin_data(points: int = 241):
    """`nn.SoftMarginLoss(reduction="none")` against the score x, for y = +1 and y = -1."""
    import torch

    x = _grid(-4.0, 4.0, points)
    loss = torch.nn.SoftMarginLoss(reduction="none")
    curves = [_curve(f"y = {y:+d}", x, loss(x, torch.full_like(x, float(y)))) for y in (1, -1)]
    return {"x": x.detach().tolist(), "curves": curves}


def multi_margin_data(points: int = 251):
    """`nn.MultiMarginLoss(reduction="none")` of scores (z, 0, 0) with target 0, against z.

    z is the lead of the true class over the best other class; curves for p = 1 and
    2 with margin 1, and p = 1 with margin 2.
    """
    import torch

    z = _grid(-2.0, 3.0, points)
    scores = torch.cat([z[:, None], torch.zeros(points, 2, dtype=torch.float64)], dim=1)
    target = torch.zeros(points, dtype=torch.long)
    curves = [
        _curve(f"p = {p}, margin = {m:g}", z, torch.nn.MultiMarginLoss(p=p, margin=m, reduction="none")(scores, target))
        for p, m in ((1, 1.0), (2, 1.0), (1, 2.0))
    ]
    return {"x": z.detach().tolist(), "curves": curves}


MULTILABEL_OTHERS = (0.5, 0.0, -1.0)  # fixed scores of classes 1, 2, 3


def multilabel_margin_data(points: int = 251):
    """`nn.MultiLabelMarginLoss(reduction="none")` of scores (z, 0.5, 0, -1) against z.

    Labels {0} (target [0, -1, -1, -1]) and labels {0, 1} (target [0, 1, -1, -1]).
    """
    import torch

    z = _grid(-2.0, 3.0, points)
    scores = torch.cat([z[:, None], torch.tensor(MULTILABEL_OTHERS, dtype=torch.float64).expand(points, -1)], dim=1)
    loss = torch.nn.MultiLabelMarginLoss(reduction="none")
    curves = [
        _curve(name, z, loss(scores, torch.tensor(target).expand(points, -1)))
        for name, target in (("labels {0}", [0, -1, -1, -1]), ("labels {0, 1}", [0, 1, -1, -1]))
    ]
    return {"x": z.detach().tolist(), "curves": curves}


def margin_ranking_data(points: int = 201):
    """`nn.MarginRankingLoss(reduction="none")(x1, 0, y)` against x1 - x2 (gradient for x1)."""
    import torch

    x1 = _grid(-2.0, 2.0, points)
    x2 = torch.zeros_like(x1)
    curves = [
        _curve(f"y = {y:+d}, margin = {m:g}", x1, torch.nn.MarginRankingLoss(margin=m, reduction="none")(x1, x2, torch.full_like(x2, float(y))))
        for y, m in ((1, 0.0), (1, 0.5), (1, 1.0), (-1, 0.5))
    ]
    return {"x": x1.detach().tolist(), "curves": curves}


def hinge_embedding_data(margins: tuple = (1.0, 2.0), points: int = 301):
    """`nn.HingeEmbeddingLoss(reduction="none")` against the input distance x from 0 to 3.

    y = 1 (the margin does not matter), and y = -1 for each margin.
    """
    import torch

    x = _grid(0.0, 3.0, points)
    loss = torch.nn.HingeEmbeddingLoss
    curves = [_curve("y = 1 (similar)", x, loss(reduction="none")(x, torch.ones_like(x)))]
    curves += [_curve(f"y = −1, margin = {m:g}", x, loss(margin=m, reduction="none")(x, -torch.ones_like(x))) for m in margins]
    return {"x": x.detach().tolist(), "curves": curves}


def cosine_embedding_data(points: int = 201):
    """`nn.CosineEmbeddingLoss(reduction="none")` of x1 = (1, 0) and x2 = (c, sqrt(1 - c²)).

    The cosine of the pair is c, from -0.99 to 0.99 (at ±1 the square root has no
    gradient); the gradient is d loss / dc through x2.
    """
    import torch

    c = _grid(-0.99, 0.99, points)
    x2 = torch.stack([c, (1 - c**2).sqrt()], dim=1)
    x1 = torch.tensor([[1.0, 0.0]], dtype=torch.float64).expand(points, 2)
    curves = [
        _curve(
            f"y = {y:+d}" + (f", margin = {m:g}" if y < 0 else ""),
            c,
            torch.nn.CosineEmbeddingLoss(margin=m, reduction="none")(x1, x2, torch.full((points,), float(y), dtype=torch.float64)),
        )
        for y, m in ((1, 0.0), (-1, 0.0), (-1, 0.5))
    ]
    return {"x": c.detach().tolist(), "curves": curves}


TRIPLET_POSITIVE_DEGREES = 30.0


def _cosine_distance(x1, x2):
    import torch.nn.functional as F

    return 1 - F.cosine_similarity(x1, x2)


def _distances():
    import torch

    return {
        "Euclidean (default)": None,
        "Manhattan: PairwiseDistance(p=1)": torch.nn.PairwiseDistance(p=1),
        "cosine: 1 − cosine_similarity": _cosine_distance,
    }


def triplet_distance_data(points: int = 181):
    """`nn.TripletMarginWithDistanceLoss(reduction="none")` for three distance functions.

    Anchor (1, 0), positive at 30 degrees on the unit circle, negative at angle θ on
    the unit circle; x is θ in degrees, the gradient is with respect to θ in radians.
    """
    import math

    import torch

    theta = _grid(0.0, math.pi, points)
    a = torch.tensor([[1.0, 0.0]], dtype=torch.float64).expand(points, 2)
    t = math.radians(TRIPLET_POSITIVE_DEGREES)
    p = torch.tensor([[math.cos(t), math.sin(t)]], dtype=torch.float64).expand(points, 2)
    n = torch.stack([theta.cos(), theta.sin()], dim=1)
    curves = [
        _curve(name, theta, torch.nn.TripletMarginWithDistanceLoss(distance_function=dist, reduction="none")(a, p, n)) for name, dist in _distances().items()
    ]
    return {"x": torch.rad2deg(theta).detach().tolist(), "curves": curves}


def exponential_loss(score, target):
    """exp(-y f) per element, labels ±1: the loss AdaBoost minimises."""
    return (-target * score).exp()


def epsilon_insensitive_loss(pred, target, epsilon: float):
    """max(0, |d| - epsilon) per element: the loss of support-vector regression."""
    return ((pred - target).abs() - epsilon).clamp(min=0)


def exponential_data(points: int = 201):
    """Exponential loss of the signed margin z, beside SoftMarginLoss and the hinge (MarginRankingLoss)."""
    import torch

    z = _grid(-2.0, 3.0, points)
    ones = torch.ones_like(z)
    curves = [
        _curve("exponential exp(−z)", z, exponential_loss(z, ones)),
        _curve("logistic: SoftMarginLoss", z, torch.nn.SoftMarginLoss(reduction="none")(z, ones)),
        _curve("hinge: MarginRankingLoss(margin=1)", z, torch.nn.MarginRankingLoss(margin=1.0, reduction="none")(z, 0 * ones, ones)),
    ]
    return {"x": z.detach().tolist(), "curves": curves}


def epsilon_insensitive_data(epsilons: tuple = (0.0, 0.5, 1.0), points: int = 241):
    """The epsilon-insensitive loss of SVR against d = prediction - target, for each epsilon."""
    d = _grid(-3.0, 3.0, points)
    curves = [_curve(f"ε = {e:g}" + (" (L1)" if e == 0 else ""), d, epsilon_insensitive_loss(d, 0 * d, e)) for e in epsilons]
    return {"x": d.detach().tolist(), "curves": curves}


# -- drawing ------------------------------------------------------------------------------------


def draw_loss_and_grad(
    data: str,
    xlabel: str,
    title: str,
    args: tuple = (),
    loss_ylim: tuple = (),
    grad_ylim: tuple = (),
    legend: str = "upper center",
    legend_right: bool = False,
    grad_label: str = "d loss / dx",
):
    """Left: the loss of each curve of `<data>(*args)` against x; right: its autograd gradient.

    `data` names a data function of this module (a name keeps the cache key stable).
    """
    found = globals()[data](*args)
    fig, (left, right) = style.new_figure(ncols=2, width=8.4, height=3.2)
    for colour, curve in zip(style.VARIANTS, found["curves"]):
        line = {"color": colour, "linestyle": curve.get("style", "-")}
        left.plot(found["x"], curve["loss"], label=curve["label"], **line)
        right.plot(found["x"], curve["grad"], **line)
        if "mark" in curve:
            left.plot(*curve["mark"], "o", color=colour, markersize=5)
    for ax in (left, right):
        ax.axhline(0, color="#808080", linewidth=0.8)
        ax.set_xlabel(xlabel)
    if loss_ylim:
        left.set_ylim(*loss_ylim)
    if grad_ylim:
        right.set_ylim(*grad_ylim)
    left.set_title(f"{title}: loss", fontsize=9)
    right.set_title(f"gradient {grad_label} (autograd)", fontsize=9)
    (right if legend_right else left).legend(*left.get_legend_handles_labels(), loc=legend, fontsize=8)
    return fig


def _figure(name: str, data: str, xlabel: str, title: str, **kwargs) -> Figure:
    return Figure(f"losses/{name}", draw_loss_and_grad, {"data": data, "xlabel": xlabel, "title": title, **kwargs})


FIGURES = [
    _figure(
        "mseloss",
        "best_constant_data",
        "constant prediction c",
        "nn.MSELoss, mean over 5 targets",
        args=("MSELoss",),
        loss_ylim=(0, 25),
        legend="upper left",
        legend_right=True,
        grad_label="d loss / dc",
    ),
    _figure(
        "l1loss", "best_constant_data", "constant prediction c", "nn.L1Loss, mean over 5 targets", args=("L1Loss",), loss_ylim=(0, 5), grad_label="d loss / dc"
    ),
    _figure(
        "logcosh-quantile",
        "log_cosh_quantile_data",
        "error d = prediction − target",
        "log-cosh and quantile losses",
        loss_ylim=(0, 3),
        legend="upper center",
        grad_label="d loss / dd",
    ),
    _figure(
        "nllloss", "nll_data", "input x: log-probability of the true class", "nn.NLLLoss", legend="upper right", grad_ylim=(-2.5, 0.5), grad_label="d loss / dx"
    ),
    _figure("bceloss", "bce_data", "input p: predicted probability", "nn.BCELoss", loss_ylim=(0, 5), grad_ylim=(-12, 12), grad_label="d loss / dp"),
    _figure(
        "kldivloss",
        "kl_data",
        "q: predicted probability of class 0",
        "nn.KLDivLoss, P = (0.3, 0.7)",
        loss_ylim=(-1.5, 2),
        grad_ylim=(-6, 6),
        grad_label="d loss / dq",
    ),
    _figure("multilabelsoftmarginloss", "multilabel_soft_margin_data", "logit x", "nn.MultiLabelSoftMarginLoss", loss_ylim=(0, 6.5), grad_label="d loss / dx"),
    _figure(
        "focal-brier",
        "focal_brier_data",
        "p: predicted probability of the true class",
        "focal loss and Brier score",
        loss_ylim=(0, 4),
        legend="upper right",
        grad_label="d loss / d logit",
    ),
    _figure("softmarginloss", "soft_margin_data", "score x", "nn.SoftMarginLoss", legend="upper center", grad_label="d loss / dx"),
    _figure(
        "multimarginloss",
        "multi_margin_data",
        "lead z of the true class (scores z, 0, 0)",
        "nn.MultiMarginLoss, C = 3",
        legend="upper right",
        grad_label="d loss / dz",
    ),
    _figure(
        "multilabelmarginloss",
        "multilabel_margin_data",
        "score z of class 0 (others 0.5, 0, −1)",
        "nn.MultiLabelMarginLoss",
        legend="upper right",
        grad_label="d loss / dz",
    ),
    _figure("marginrankingloss", "margin_ranking_data", "x1 − x2", "nn.MarginRankingLoss", legend="upper center", grad_label="d loss / dx1"),
    _figure("hingeembeddingloss", "hinge_embedding_data", "input x (a distance)", "nn.HingeEmbeddingLoss", legend="upper center", grad_label="d loss / dx"),
    _figure(
        "cosineembeddingloss",
        "cosine_embedding_data",
        "cosine similarity of x1 and x2",
        "nn.CosineEmbeddingLoss",
        legend="upper center",
        grad_label="d loss / d cos",
    ),
    _figure(
        "tripletmarginwithdistanceloss",
        "triplet_distance_data",
        "angle θ of the negative (degrees)",
        "TripletMarginWithDistanceLoss",
        legend="upper right",
        grad_ylim=(-1.6, 0.3),
        grad_label="d loss / dθ",
    ),
    _figure(
        "exponential",
        "exponential_data",
        "signed margin z = y · f(x)",
        "exponential loss",
        loss_ylim=(-0.2, 4),
        legend="upper right",
        grad_ylim=(-4, 0.5),
        grad_label="d loss / dz",
    ),
    _figure(
        "epsilon-insensitive",
        "epsilon_insensitive_data",
        "error d = prediction − target",
        "ε-insensitive loss (SVR)",
        legend="upper center",
        grad_label="d loss / dd",
    ),
    Figure("losses/linearcrossentropyloss", draw_linear_ce_memory, {}),
]

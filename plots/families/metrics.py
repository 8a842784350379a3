"""Figures for the metrics and training-practice pages, from the models those pages train.

`binary_scores` and `digits_predictions` repeat the steps of
`snippets/training/metrics/binary_model.py` and `.../digits_model.py` (a test
checks that they give the same tensors). `roc_data` and `pr_data` compute the
curves by hand exactly as the page does; `confusion_data` counts pairs with
`torch.bincount`. `learning_curve_data` repeats
`snippets/training/practice/learning_curves.py`.
"""

from __future__ import annotations

from plots import style
from plots.figure import Figure

THRESHOLD = 0.5  # the decision threshold marked on the ROC and PR curves


def binary_scores():
    """Return `(y_true, scores)` as lists: test labels (1 = malignant) and P(malignant)
    of the two-feature logistic regression on scikit-learn's breast cancer data."""
    import torch
    from sklearn.datasets import load_breast_cancer

    torch.manual_seed(0)
    data = load_breast_cancer()
    X = torch.tensor(data.data[:, [1, 4]], dtype=torch.float32)
    y = torch.tensor(data.target == 0, dtype=torch.float32)
    perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(0))
    train_idx, test_idx = perm[:400], perm[400:]
    X = (X - X[train_idx].mean(dim=0)) / X[train_idx].std(dim=0)
    model = torch.nn.Linear(2, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    for _ in range(100):
        optimizer.zero_grad()
        loss_fn(model(X[train_idx]).squeeze(1), y[train_idx]).backward()
        optimizer.step()
    with torch.no_grad():
        scores = torch.sigmoid(model(X[test_idx]).squeeze(1))
    return y[test_idx].long().tolist(), scores.tolist()


def _cumulative_counts(y_true, scores):
    """TP and FP counts with the threshold at each distinct score, highest first."""
    import torch

    order = torch.argsort(scores, descending=True)
    sorted_scores, sorted_true = scores[order], y_true[order]
    tps = torch.cumsum(sorted_true, dim=0)
    fps = torch.cumsum(1 - sorted_true, dim=0)
    last = torch.ones_like(sorted_scores, dtype=torch.bool)
    last[:-1] = sorted_scores[1:] != sorted_scores[:-1]
    return tps[last], fps[last], sorted_scores[last]


def _threshold_point(y_true, scores, threshold: float = THRESHOLD):
    """`(fpr, tpr, precision)` of the predictions `scores >= threshold`."""
    pred = scores >= threshold
    tp = (pred & (y_true == 1)).sum().item()
    fp = (pred & (y_true == 0)).sum().item()
    return fp / (y_true == 0).sum().item(), tp / (y_true == 1).sum().item(), tp / (tp + fp)


def roc_data():
    """Return `(fpr, tpr, auc, point)`: the ROC curve (starting at (0, 0)) as lists,
    its trapezoidal area, and `(fpr, tpr)` at the threshold 0.5."""
    import torch

    y_list, s_list = binary_scores()
    y_true, scores = torch.tensor(y_list), torch.tensor(s_list)
    tps, fps, _ = _cumulative_counts(y_true, scores)
    zero = torch.zeros(1)
    fpr = torch.cat([zero, fps / fps[-1]])
    tpr = torch.cat([zero, tps / tps[-1]])
    auc = torch.trapezoid(tpr, fpr).item()
    point_fpr, point_tpr, _ = _threshold_point(y_true, scores)
    return fpr.tolist(), tpr.tolist(), auc, (point_fpr, point_tpr)


def pr_data():
    """Return `(recall, precision, ap, prevalence, point)`: the PR curve as lists (one
    point per distinct score, highest first), the average precision, the fraction
    of positives, and `(recall, precision)` at the threshold 0.5."""
    import torch

    y_list, s_list = binary_scores()
    y_true, scores = torch.tensor(y_list), torch.tensor(s_list)
    tps, fps, _ = _cumulative_counts(y_true, scores)
    precision = tps / (tps + fps)
    recall = tps / tps[-1]
    ap = (torch.diff(recall, prepend=torch.zeros(1)) * precision).sum().item()
    _, point_recall, point_precision = _threshold_point(y_true, scores)
    prevalence = y_true.float().mean().item()
    return recall.tolist(), precision.tolist(), ap, prevalence, (point_recall, point_precision)


def digits_predictions():
    """Return `(targets, preds)` as lists: the test labels and the predictions of the
    softmax regression trained for 20 steps on scikit-learn's digits."""
    import torch
    from sklearn.datasets import load_digits

    torch.manual_seed(0)
    digits = load_digits()
    X = torch.tensor(digits.data, dtype=torch.float32) / 16
    y = torch.tensor(digits.target)
    perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(0))
    train_idx, test_idx = perm[:1257], perm[1257:]
    model = torch.nn.Linear(64, 10)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    for _ in range(20):
        optimizer.zero_grad()
        torch.nn.functional.cross_entropy(model(X[train_idx]), y[train_idx]).backward()
        optimizer.step()
    with torch.no_grad():
        preds = model(X[test_idx]).argmax(dim=1)
    return y[test_idx].tolist(), preds.tolist()


def confusion_data(num_classes: int = 10):
    """Return the confusion matrix of `digits_predictions` as a nested list
    (rows: true class, columns: predicted class), counted with `torch.bincount`."""
    import torch

    targets, preds = (torch.tensor(v) for v in digits_predictions())
    counts = torch.bincount(num_classes * targets + preds, minlength=num_classes**2)
    return counts.reshape(num_classes, num_classes).tolist()


def _marker(ax, x, y, label):
    ax.plot([x], [y], marker="o", color=style.DERIVATIVE, markersize=7, linestyle="none", label=label, zorder=3)


def draw_roc():
    fpr, tpr, auc, (point_fpr, point_tpr) = roc_data()
    fig, ax = style.new_figure(width=4.4, height=4.0)
    ax.plot([0, 1], [0, 1], color="#808080", linestyle="--", linewidth=1.2, label="random scores (AUC = 0.5)")
    ax.plot(fpr, tpr, color=style.FUNCTION, label=f"logistic regression (AUC = {auc:.3f})")
    _marker(ax, point_fpr, point_tpr, f"threshold {THRESHOLD}")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel("false positive rate (1 − specificity)")
    ax.set_ylabel("true positive rate (recall)")
    ax.set_title("ROC curve, breast cancer test set", fontsize=10)
    ax.legend(loc="lower right", fontsize=8)
    return fig


def draw_pr():
    recall, precision, ap, prevalence, (point_recall, point_precision) = pr_data()
    fig, ax = style.new_figure(width=4.4, height=4.0)
    ax.axhline(prevalence, color="#808080", linestyle="--", linewidth=1.2, label=f"random scores ({prevalence:.3f})")
    # Precision holds between thresholds, so draw steps: recall only changes at positives.
    ax.plot([0.0] + recall, [precision[0]] + precision, color=style.FUNCTION, drawstyle="steps-pre",
            label=f"logistic regression (AP = {ap:.3f})")
    _marker(ax, point_recall, point_precision, f"threshold {THRESHOLD}")
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(0.0, 1.05)
    ax.set_xlabel("recall (true positive rate)")
    ax.set_ylabel("precision")
    ax.set_title("Precision-recall curve, breast cancer test set", fontsize=10)
    ax.legend(loc="lower left", fontsize=8)
    return fig


def draw_confusion(num_classes: int = 10):
    cm = confusion_data(num_classes)
    fig, ax = style.new_figure(width=5.0, height=4.4)
    biggest = max(max(row) for row in cm)
    image = ax.imshow(cm, cmap="Blues", vmin=0, vmax=biggest)
    for i, row in enumerate(cm):
        for j, count in enumerate(row):
            if count:
                colour = "#ffffff" if count > biggest / 2 else "#202020"
                ax.text(j, i, str(count), ha="center", va="center", fontsize=8, color=colour)
    ax.set_xticks(range(num_classes))
    ax.set_yticks(range(num_classes))
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.set_title("Confusion matrix, digits test set (540 images)", fontsize=10)
    ax.grid(False)
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    fig.colorbar(image, ax=ax, shrink=0.8, label="images")
    return fig


def learning_curve_data(epochs: int = 40):
    """Return `(train_loss, val_loss, val_accuracy)` per epoch as lists: a 64-128-10
    MLP trained full-batch with Adam on 100 digits, validated on 500 others."""
    import torch
    from sklearn.datasets import load_digits

    torch.manual_seed(0)
    digits = load_digits()
    X = torch.tensor(digits.data, dtype=torch.float32) / 16
    y = torch.tensor(digits.target)
    perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(0))
    train_idx, val_idx = perm[:100], perm[1297:]
    model = torch.nn.Sequential(torch.nn.Linear(64, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    train_loss, val_loss, val_accuracy = [], [], []
    for _ in range(epochs):
        model.train()
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(model(X[train_idx]), y[train_idx])
        loss.backward()
        optimizer.step()
        model.eval()
        with torch.no_grad():
            logits = model(X[val_idx])
        train_loss.append(loss.item())
        val_loss.append(torch.nn.functional.cross_entropy(logits, y[val_idx]).item())
        val_accuracy.append((logits.argmax(dim=1) == y[val_idx]).float().mean().item())
    return train_loss, val_loss, val_accuracy


def draw_learning_curves(epochs: int = 40):
    train_loss, val_loss, val_accuracy = learning_curve_data(epochs)
    x = list(range(1, epochs + 1))
    best = min(range(epochs), key=val_loss.__getitem__)
    fig, (ax_loss, ax_acc) = style.new_figure(ncols=2, width=9.0, height=3.2)
    ax_loss.plot(x, train_loss, color=style.FUNCTION, label="training loss")
    ax_loss.plot(x, val_loss, color=style.DERIVATIVE, label="validation loss")
    ax_loss.axvline(best + 1, color="#808080", linestyle=":", linewidth=1.2)
    ax_loss.annotate(f"lowest validation loss\n(epoch {best + 1})", (best + 1, val_loss[best]),
                     xytext=(best + 4, 1.2), fontsize=8, arrowprops={"arrowstyle": "->", "color": "#606060"})
    ax_loss.set_xlabel("epoch")
    ax_loss.set_ylabel("cross-entropy loss")
    ax_loss.legend(fontsize=8)
    ax_acc.plot(x, val_accuracy, color=style.VARIANTS[2])
    ax_acc.axvline(best + 1, color="#808080", linestyle=":", linewidth=1.2)
    ax_acc.set_xlabel("epoch")
    ax_acc.set_ylabel("validation accuracy")
    fig.tight_layout()
    return fig


FIGURES = [
    Figure("metrics/roc", draw_roc, {}),
    Figure("metrics/pr", draw_pr, {}),
    Figure("metrics/confusion", draw_confusion, {"num_classes": 10}),
    Figure("practice/learning-curves", draw_learning_curves, {"epochs": 40}),
]

"""Checks for docs/training/metrics.md: every hand-computed metric equals scikit-learn's.

The page's Python blocks are run once, top to bottom in one namespace (as a reader
would paste them), and the tests compare the tensors they leave behind with
`sklearn.metrics`. The figure data functions are compared with the page and with
scikit-learn too.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import runpy
import tempfile
from pathlib import Path

import numpy as np
import pytest
import torch
from sklearn import metrics as skm
from torch import nn

from plots.families import metrics as fig
from tests import codeblocks
from tests.checks import assert_defaults

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "training" / "metrics.md"
SNIPPETS = ROOT / "snippets" / "training" / "metrics"


@pytest.fixture(scope="module")
def page():
    """The namespace left by running every Python block of the page in order."""
    namespace: dict = {"__name__": "__main__"}
    cwd = os.getcwd()
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                for block in codeblocks.page_blocks(PAGE):
                    exec(compile(block.code, block.filename, "exec"), namespace)
        finally:
            os.chdir(cwd)
    return namespace


def np_(t):
    return t.detach().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)


# ---- the binary model and the confusion counts ---------------------------------------------------


def test_binary_data_as_described(page):
    from sklearn.datasets import load_breast_cancer

    data = load_breast_cancer()
    assert data.data.shape == (569, 30)
    assert list(data.target_names) == ["malignant", "benign"]  # target 0 is malignant
    assert [data.feature_names[1], data.feature_names[4]] == ["mean texture", "mean smoothness"]
    y_true = page["y_true"]
    assert len(y_true) == 169 and y_true.sum().item() == 63
    # with all 30 features the same recipe is almost perfect (the page's reason to use two)
    torch.manual_seed(0)
    X = torch.tensor(data.data, dtype=torch.float32)
    y = torch.tensor(data.target == 0, dtype=torch.float32)
    perm = torch.randperm(len(y), generator=torch.Generator().manual_seed(0))
    tr, te = perm[:400], perm[400:]
    X = (X - X[tr].mean(0)) / X[tr].std(0)
    model = nn.Linear(30, 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(100):
        opt.zero_grad()
        nn.BCEWithLogitsLoss()(model(X[tr]).squeeze(1), y[tr]).backward()
        opt.step()
    with torch.no_grad():
        assert skm.roc_auc_score(y[te], model(X[te]).squeeze(1)) > 0.99


def test_confusion_counts_match_sklearn(page):
    y_true, y_pred = np_(page["y_true"]), np_(page["y_pred"])
    tn, fp, fn, tp = skm.confusion_matrix(y_true, y_pred).ravel()
    assert (page["tp"], page["fp"], page["fn"], page["tn"]) == (tp, fp, fn, tn)
    assert page["confusion_counts"](page["y_true"], page["y_pred"]) == (tp, fp, fn, tn)


def test_binary_metrics_match_sklearn(page):
    y_true, y_pred = np_(page["y_true"]), np_(page["y_pred"])
    recall = skm.recall_score(y_true, y_pred)
    specificity = skm.recall_score(y_true, y_pred, pos_label=0)  # recall of the negative class
    expected = {
        "accuracy": skm.accuracy_score(y_true, y_pred),
        "precision": skm.precision_score(y_true, y_pred),
        "recall": recall,
        "fnr": 1 - recall,
        "specificity": specificity,
        "fpr": 1 - specificity,
        "f1": skm.f1_score(y_true, y_pred),
        "f2": skm.fbeta_score(y_true, y_pred, beta=2),
    }
    for name, value in expected.items():
        assert page[name] == pytest.approx(value, abs=1e-12), name
    tp, fp, fn = page["tp"], page["fp"], page["fn"]
    assert page["f1"] == pytest.approx(2 * tp / (2 * tp + fp + fn))  # the second form of F1


def test_fbeta_general_formula():
    rng = np.random.default_rng(0)
    y_true, y_pred = rng.integers(0, 2, 200), rng.integers(0, 2, 200)
    p, r = skm.precision_score(y_true, y_pred), skm.recall_score(y_true, y_pred)
    for beta in (0.5, 1.0, 2.0, 3.0):
        by_hand = (1 + beta**2) * p * r / (beta**2 * p + r)
        assert by_hand == pytest.approx(skm.fbeta_score(y_true, y_pred, beta=beta))


def test_harmonic_mean_example():
    f1 = 2 * 1.0 * 0.1 / (1.0 + 0.1)
    assert round(f1, 2) == 0.18 and (1.0 + 0.1) / 2 == 0.55


def test_always_benign(page):
    y_true = np_(page["y_true"])
    always = np.zeros_like(y_true)
    assert skm.accuracy_score(y_true, always) == pytest.approx(106 / 169)
    assert round(106 / 169, 2) == 0.63
    assert skm.recall_score(y_true, always) == 0.0
    with pytest.warns(skm._classification.UndefinedMetricWarning):
        assert skm.precision_score(y_true, always) == 0.0  # "libraries report 0 and usually warn"


def test_threshold_trade_off(page):
    scores, y_true = np_(page["scores"]), np_(page["y_true"])
    rows = []
    for t in (0.3, 0.4, 0.5, 0.6):
        pred = (scores >= t).astype(int)
        rows.append((skm.precision_score(y_true, pred), skm.recall_score(y_true, pred)))
    precisions, recalls = zip(*rows)
    assert list(precisions) == sorted(precisions)  # raising the threshold: precision up ...
    assert list(recalls) == sorted(recalls, reverse=True)  # ... recall down


# ---- ROC and PR curves ---------------------------------------------------------------------------


def test_roc_curve_matches_sklearn(page):
    y_true, scores = np_(page["y_true"]), np_(page["scores"])
    fpr, tpr, thresholds = skm.roc_curve(y_true, scores, drop_intermediate=False)
    np.testing.assert_allclose(np_(page["roc_fpr"]), fpr, atol=1e-7)
    np.testing.assert_allclose(np_(page["roc_tpr"]), tpr, atol=1e-7)
    np.testing.assert_allclose(np_(page["roc_thresholds"]), thresholds[1:])  # sklearn starts at inf
    assert len(np.unique(scores)) == 169 and len(page["roc_fpr"]) == 170
    assert page["auc"].item() == pytest.approx(skm.roc_auc_score(y_true, scores), abs=1e-6)
    assert page["pairs"].item() == pytest.approx(skm.roc_auc_score(y_true, scores), abs=1e-6)


def test_roc_with_ties_and_rank_meaning():
    """The hand ROC (one point per distinct score) and the pair-counting AUC with ties."""
    torch.manual_seed(0)
    y = torch.randint(0, 2, (300,))
    s = torch.randint(0, 20, (300,)).float() / 20 + 0.2 * y  # many ties
    tps, fps, thr = fig._cumulative_counts(y, s)
    fpr, tpr, sk_thr = skm.roc_curve(y.numpy(), s.numpy(), drop_intermediate=False)
    np.testing.assert_allclose(torch.cat([torch.zeros(1), fps / fps[-1]]).numpy(), fpr, atol=1e-7)
    np.testing.assert_allclose(torch.cat([torch.zeros(1), tps / tps[-1]]).numpy(), tpr, atol=1e-7)
    np.testing.assert_allclose(thr.numpy(), sk_thr[1:])
    pos, neg = s[y == 1], s[y == 0]
    diff = pos[:, None] - neg[None, :]
    pairs = (diff > 0).float().mean() + 0.5 * (diff == 0).float().mean()
    assert pairs.item() == pytest.approx(skm.roc_auc_score(y.numpy(), s.numpy()), abs=1e-6)


def test_auc_ignores_monotonic_rescaling(page):
    y_true, scores = np_(page["y_true"]), np_(page["scores"]).astype(np.float64)
    auc = skm.roc_auc_score(y_true, scores)
    assert skm.roc_auc_score(y_true, np.log(scores / (1 - scores))) == pytest.approx(auc)
    assert skm.roc_auc_score(y_true, scores**3) == pytest.approx(auc)
    assert skm.roc_auc_score(y_true, np.random.default_rng(0).random(len(y_true))) < 0.6  # random ~ 0.5
    # class balance: repeating every negative three times leaves the AUC unchanged ...
    neg = y_true == 0
    y3 = np.concatenate([y_true, y_true[neg], y_true[neg]])
    s3 = np.concatenate([scores, scores[neg], scores[neg]])
    assert skm.roc_auc_score(y3, s3) == pytest.approx(auc)
    # ... while the average precision drops
    assert skm.average_precision_score(y3, s3) < skm.average_precision_score(y_true, scores) - 0.1


def test_pr_curve_and_average_precision_match_sklearn(page):
    y_true, scores = np_(page["y_true"]), np_(page["scores"])
    precision, recall, thresholds = skm.precision_recall_curve(y_true, scores)
    # sklearn: increasing thresholds, plus a final (precision 1, recall 0) point
    np.testing.assert_allclose(np_(page["pr_precision"]), precision[:-1][::-1], atol=1e-6)
    np.testing.assert_allclose(np_(page["pr_recall"]), recall[:-1][::-1], atol=1e-6)
    np.testing.assert_allclose(np_(page["pr_thresholds"]), thresholds[::-1])
    ap = skm.average_precision_score(y_true, scores)
    assert page["average_precision"].item() == pytest.approx(ap, abs=1e-6)
    # at recall 1 everything is flagged: precision is the fraction of positives
    assert page["pr_recall"][-1].item() == 1.0
    assert page["pr_precision"][-1].item() == pytest.approx(63 / 169)
    # the trapezoid rule gives a different number
    assert abs(skm.auc(recall, precision) - ap) > 1e-3


# ---- multi-class -----------------------------------------------------------------------------------


def test_digits_as_described(page):
    from sklearn.datasets import load_digits

    digits = load_digits()
    assert digits.data.shape == (1797, 64) and set(digits.target) == set(range(10))
    assert len(page["targets"]) == 540


def test_confusion_matrix_matches_sklearn(page):
    cm = page["cm"]
    expected = skm.confusion_matrix(np_(page["targets"]), np_(page["preds"]), labels=range(10))
    np.testing.assert_array_equal(cm.numpy(), expected)  # rows: truth, columns: prediction


def test_bincount_needs_minlength():
    targets, preds = torch.tensor([0, 1, 1]), torch.tensor([0, 1, 0])  # pair (2, 2) never occurs
    assert torch.bincount(3 * targets + preds).numel() == 5
    cm = torch.bincount(3 * targets + preds, minlength=9).reshape(3, 3)
    np.testing.assert_array_equal(cm.numpy(), skm.confusion_matrix(targets, preds, labels=range(3)))


def test_confusion_claims(page):
    cm = page["cm"].clone()
    recall = cm.diag() / cm.sum(dim=1)
    assert [c for c in range(10) if recall[c] == 1] == [0, 6, 7]
    off = cm - torch.diag(cm.diag())
    assert off[8].argmax().item() == 1 and off[3].argmax().item() == 7 and off[1].argmax().item() == 2
    assert off.max().item() == off[8, 1].item()  # 8 taken for 1 is the biggest mistake


def test_per_class_metrics_match_sklearn(page):
    y, p = np_(page["targets"]), np_(page["preds"])
    precision, recall, f1, support = skm.precision_recall_fscore_support(y, p, labels=range(10), zero_division=0)
    np.testing.assert_allclose(np_(page["precision_c"]), precision, atol=1e-6)
    np.testing.assert_allclose(np_(page["recall_c"]), recall, atol=1e-6)
    np.testing.assert_allclose(np_(page["f1_c"]), f1, atol=1e-6)
    np.testing.assert_array_equal(np_(page["support"]), support)
    # the harmonic-mean form and the count form of F1 agree
    pc, rc = page["precision_c"], page["recall_c"]
    torch.testing.assert_close(page["f1_c"], 2 * pc * rc / (pc + rc))


def test_zero_division_gives_zero_like_sklearn():
    """A class that is never predicted (and one never present) gets 0, not nan."""
    targets = torch.tensor([0, 0, 1, 1, 2, 2])
    preds = torch.tensor([0, 1, 1, 1, 0, 1])  # class 2 never predicted
    K = 3
    cm = torch.bincount(K * targets + preds, minlength=K * K).reshape(K, K)
    tp, fp, fn = cm.diag(), cm.sum(0) - cm.diag(), cm.sum(1) - cm.diag()
    ours = (tp / (tp + fp).clamp(min=1), tp / (tp + fn).clamp(min=1), 2 * tp / (2 * tp + fp + fn).clamp(min=1))
    with pytest.warns(skm._classification.UndefinedMetricWarning):
        sk = skm.precision_recall_fscore_support(targets, preds)
    for mine, ref in zip(ours, sk[:3]):
        np.testing.assert_allclose(mine.numpy(), ref, atol=1e-7)
    assert (tp / (tp + fp))[2].isnan()  # without the clamp


def test_averages_match_sklearn(page):
    y, p = np_(page["targets"]), np_(page["preds"])
    pc, rc, fc, w = page["precision_c"], page["recall_c"], page["f1_c"], page["weights"]
    for average, values in {
        "macro": (pc.mean(), rc.mean(), fc.mean()),
        "weighted": ((pc * w).sum(), (rc * w).sum(), (fc * w).sum()),
        "micro": (page["micro_precision"], page["micro_recall"], page["micro_f1"]),
    }.items():
        sk = skm.precision_recall_fscore_support(y, p, average=average, zero_division=0)[:3]
        for mine, ref in zip(values, sk):
            assert mine.item() == pytest.approx(ref, abs=1e-6), average


def test_micro_equals_accuracy_and_weighted_recall_too(page):
    accuracy = skm.accuracy_score(np_(page["targets"]), np_(page["preds"]))
    for name in ("micro_precision", "micro_recall", "micro_f1"):
        assert page[name].item() == pytest.approx(accuracy, abs=1e-6)
    assert (page["recall_c"] * page["weights"]).sum().item() == pytest.approx(accuracy, abs=1e-6)
    mistakes = (page["preds"] != page["targets"]).sum()
    assert page["fp_c"].sum() == mistakes and page["fn_c"].sum() == mistakes
    # ... and always, for single-label multi-class predictions
    rng = np.random.default_rng(0)
    for _ in range(20):
        k = int(rng.integers(2, 8))
        y, p = rng.integers(0, k, 50), rng.integers(0, k, 50)
        acc = skm.accuracy_score(y, p)
        assert skm.f1_score(y, p, average="micro") == pytest.approx(acc)
        assert skm.precision_score(y, p, average="micro") == pytest.approx(acc)
        assert skm.recall_score(y, p, average="weighted", zero_division=0) == pytest.approx(acc)


def test_evaluate_function(page):
    results = page["results"]
    y, model, X = page["targets"], page["model"], page["X_test"]
    with torch.no_grad():
        logits = model(X)
    p = logits.argmax(1).numpy()
    assert results["loss"] == pytest.approx(nn.functional.cross_entropy(logits, y).item(), rel=1e-5)
    assert results["accuracy"] == pytest.approx(skm.accuracy_score(y, p))
    for name in ("precision", "recall", "f1"):
        scorer = getattr(skm, f"{name}_score")
        for average in ("macro", "weighted"):
            expected = scorer(y, p, average=average, zero_division=0)
            assert results[f"{average} {name}"] == pytest.approx(expected, abs=1e-6), (average, name)
    # specificity = recall of "not c" for each class c
    spec = [skm.recall_score(y.numpy() != c, p != c) for c in range(10)]
    assert results["macro specificity"] == pytest.approx(np.mean(spec), abs=1e-6)
    support = np.bincount(y.numpy(), minlength=10)
    assert results["weighted specificity"] == pytest.approx(np.dot(spec, support) / support.sum(), abs=1e-6)
    # averaging batch means by the number of batches would be (slightly) wrong here
    losses = [nn.functional.cross_entropy(logits[i:i + 64], y[i:i + 64]).item() for i in range(0, 540, 64)]
    assert 540 % 64 != 0 and abs(sum(losses) / len(losses) - results["loss"]) > 1e-4


def test_loss_defaults_used_for_mae_and_mse():
    assert_defaults(nn.L1Loss, reduction="mean")
    assert_defaults(nn.MSELoss, reduction="mean")


# ---- regression --------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def regression():
    with contextlib.redirect_stdout(io.StringIO()):
        return runpy.run_path(str(SNIPPETS / "regression.py"))


def test_regression_metrics_match_sklearn(regression):
    pred, target = regression["pred"].numpy(), regression["target"].numpy()
    assert regression["mae"].item() == pytest.approx(skm.mean_absolute_error(target, pred), rel=1e-5)
    assert regression["mse"].item() == pytest.approx(skm.mean_squared_error(target, pred), rel=1e-5)
    assert regression["rmse"].item() == pytest.approx(math.sqrt(skm.mean_squared_error(target, pred)), rel=1e-5)
    assert regression["r2"].item() == pytest.approx(skm.r2_score(target, pred), abs=1e-5)
    assert round(regression["r2"].item(), 2) == 0.59
    assert regression["rmse"] >= regression["mae"]
    baseline = regression["baseline"].numpy()
    assert regression["r2_baseline"].item() == pytest.approx(skm.r2_score(target, baseline), abs=1e-5)
    assert -0.01 < regression["r2_baseline"].item() < 0
    assert skm.r2_score(target, np.full_like(target, target.mean())) == pytest.approx(0.0, abs=1e-6)


def test_r2_depends_on_the_spread_of_the_targets():
    # identical errors, two data sets: R2 differs, so it is not comparable across data sets
    errors = torch.tensor([1.0, -1.0, 0.5, -0.5])

    def r2(target):
        return 1 - errors.pow(2).sum() / (target - target.mean()).pow(2).sum()

    assert r2(torch.tensor([0.0, 1.0, 2.0, 3.0])).item() == pytest.approx(0.5)
    assert r2(torch.tensor([0.0, 10.0, 20.0, 30.0])).item() == pytest.approx(0.995)


def test_rmse_at_least_mae():
    torch.manual_seed(0)
    for _ in range(10):
        e = torch.randn(20) ** 3
        assert e.pow(2).mean().sqrt() >= e.abs().mean()


# ---- figures -------------------------------------------------------------------------------------------


def test_figure_binary_scores_are_the_page_scores(page):
    y_true, scores = fig.binary_scores()
    assert y_true == page["y_true"].tolist()
    torch.testing.assert_close(torch.tensor(scores), page["scores"])


def test_roc_figure_data(page):
    fpr, tpr, auc, (point_fpr, point_tpr) = fig.roc_data()
    y_true, scores = fig.binary_scores()
    sk_fpr, sk_tpr, _ = skm.roc_curve(y_true, scores, drop_intermediate=False)
    np.testing.assert_allclose(fpr, sk_fpr, atol=1e-7)
    np.testing.assert_allclose(tpr, sk_tpr, atol=1e-7)
    assert auc == pytest.approx(skm.roc_auc_score(y_true, scores), abs=1e-6)
    assert (point_fpr, point_tpr) == pytest.approx((page["fpr"], page["recall"]))


def test_pr_figure_data(page):
    recall, precision, ap, prevalence, point = fig.pr_data()
    y_true, scores = fig.binary_scores()
    sk_p, sk_r, _ = skm.precision_recall_curve(y_true, scores)
    np.testing.assert_allclose(precision, sk_p[:-1][::-1], atol=1e-6)
    np.testing.assert_allclose(recall, sk_r[:-1][::-1], atol=1e-6)
    assert ap == pytest.approx(skm.average_precision_score(y_true, scores), abs=1e-6)
    assert prevalence == pytest.approx(63 / 169)
    assert point == pytest.approx((page["recall"], page["precision"]))


def test_confusion_figure_data(page):
    targets, preds = fig.digits_predictions()
    assert targets == page["targets"].tolist() and preds == page["preds"].tolist()
    cm = fig.confusion_data()
    assert cm == page["cm"].tolist()
    np.testing.assert_array_equal(np.array(cm), skm.confusion_matrix(targets, preds))

"""Checks for docs/training/practice.md: every formula, default and claim on the page."""

from __future__ import annotations

import contextlib
import inspect
import io
import pickle
import random
import runpy
import tempfile
from pathlib import Path

import numpy as np
import pytest
import torch
from torch import nn

from plots.families import metrics as fig
from tests.checks import assert_defaults

SNIPPETS = Path(__file__).resolve().parents[1] / "snippets" / "training" / "practice"


def run_snippet(name: str) -> dict:
    # in an empty folder, like the page runner: some snippets write files (a figure, a model)
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        with contextlib.redirect_stdout(io.StringIO()):
            return runpy.run_path(str(SNIPPETS / f"{name}.py"))


def model_with_grads(scale=100.0):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 8), nn.Tanh(), nn.Linear(8, 1))
    x, target = torch.randn(16, 4), torch.randn(16, 1) * scale
    nn.functional.mse_loss(model(x), target).backward()
    return model


# ---- gradient clipping ---------------------------------------------------------------------------


def test_clip_defaults():
    assert_defaults(nn.utils.clip_grad_norm_, norm_type=2.0, error_if_nonfinite=False)
    assert "clip_value" in inspect.signature(nn.utils.clip_grad_value_).parameters


def test_clip_grad_norm_formula():
    for max_norm in (1.0, 5.0, 1e6):  # the last one is above the norm: nothing changes
        model = model_with_grads()
        grads = [p.grad.clone() for p in model.parameters()]
        total = torch.cat([g.flatten() for g in grads]).norm()  # one vector of all gradients
        returned = nn.utils.clip_grad_norm_(model.parameters(), max_norm=max_norm)
        torch.testing.assert_close(returned, total)  # the norm before clipping
        factor = min(1.0, max_norm / (total.item() + 1e-6))
        for p, g in zip(model.parameters(), grads):
            torch.testing.assert_close(p.grad, g * factor)
        if max_norm < total:
            after = torch.cat([p.grad.flatten() for p in model.parameters()]).norm()
            assert after.item() == pytest.approx(max_norm, rel=1e-5)


def test_clip_grad_norm_inf_and_nonfinite():
    model = model_with_grads()
    largest = max(p.grad.abs().max() for p in model.parameters())
    returned = nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0, norm_type=float("inf"))
    torch.testing.assert_close(returned, largest)
    assert max(p.grad.abs().max() for p in model.parameters()).item() == pytest.approx(1.0, rel=1e-5)
    model = model_with_grads()
    next(model.parameters()).grad[0, 0] = float("nan")
    with pytest.raises(RuntimeError):
        nn.utils.clip_grad_norm_(model.parameters(), max_norm=1.0, error_if_nonfinite=True)


def test_clip_grad_value_formula():
    model = model_with_grads()
    grads = [p.grad.clone() for p in model.parameters()]
    nn.utils.clip_grad_value_(model.parameters(), clip_value=0.5)
    for p, g in zip(model.parameters(), grads):
        torch.testing.assert_close(p.grad, torch.clamp(g, -0.5, 0.5))
    ns = run_snippet("clip_value")
    assert ns["cosine"].item() < 1  # the direction changed


def test_clip_norm_snippet():
    ns = run_snippet("clip_norm")
    torch.testing.assert_close(ns["total_norm"], ns["by_hand"])
    assert ns["after"].item() == pytest.approx(1.0, rel=1e-5)


# ---- regularisation ------------------------------------------------------------------------------


def test_weight_decay_defaults():
    assert_defaults(torch.optim.SGD, weight_decay=0)
    assert_defaults(torch.optim.Adam, weight_decay=0)
    assert_defaults(torch.optim.AdamW, weight_decay=0.01)


def test_l2_penalty_gradient_and_sgd_weight_decay():
    torch.manual_seed(0)
    lam, lr = 0.03, 0.1
    w = torch.randn(5, requires_grad=True)
    x = torch.randn(5)
    loss = (w * x).sum() ** 2
    (plain,) = torch.autograd.grad(loss, w)
    (penalised,) = torch.autograd.grad((w * x).sum() ** 2 + lam / 2 * w.pow(2).sum(), w)
    torch.testing.assert_close(penalised, plain + lam * w.detach())
    (no_half,) = torch.autograd.grad((w * x).sum() ** 2 + lam * w.pow(2).sum(), w)
    torch.testing.assert_close(no_half, plain + 2 * lam * w.detach())  # without the 1/2: 2*lambda*w
    # SGD(weight_decay) = step on the penalised gradient = decay by (1 - lr * lam), then the step
    p = nn.Parameter(w.detach().clone())
    p.grad = plain.clone()
    torch.optim.SGD([p], lr=lr, weight_decay=lam).step()
    torch.testing.assert_close(p.detach(), (1 - lr * lam) * w.detach() - lr * plain)
    ns = run_snippet("l2_penalty")
    assert torch.allclose(ns["model"].weight, ns["copy"].weight)


def test_which_optimisers_add_weight_decay_to_the_gradient():
    def one_step(cls, weight_decay, penalty=0.0):
        p = nn.Parameter(torch.tensor([1.0, -2.0]))
        (p.sum() + penalty / 2 * p.pow(2).sum()).backward()
        cls([p], lr=0.1, weight_decay=weight_decay).step()
        return p.detach()

    for cls in (torch.optim.SGD, torch.optim.Adam, torch.optim.RMSprop, torch.optim.Adagrad):
        torch.testing.assert_close(one_step(cls, 0.5), one_step(cls, 0.0, penalty=0.5))  # as a penalty
    for cls in (torch.optim.AdamW, torch.optim.Adafactor):
        assert not torch.allclose(one_step(cls, 0.5), one_step(cls, 0.0, penalty=0.5))  # decoupled
    # Muon (2-d weights only) shrinks the weights by (1 - lr * weight_decay) beside its update
    start = torch.randn(3, 2, generator=torch.Generator().manual_seed(0))
    stepped = {}
    for wd in (0.0, 0.5):
        p = nn.Parameter(start.clone())
        p.grad = torch.ones(3, 2)
        torch.optim.Muon([p], lr=0.1, weight_decay=wd).step()
        stepped[wd] = p.detach()
    torch.testing.assert_close(stepped[0.5] - stepped[0.0], -0.1 * 0.5 * start)
    for cls in (torch.optim.LBFGS, torch.optim.Rprop, torch.optim.SparseAdam):
        assert "weight_decay" not in inspect.signature(cls).parameters


def test_parameter_groups_split():
    model = nn.Sequential(nn.Linear(4, 8), nn.LayerNorm(8), nn.Linear(8, 1))
    two_dim = [n for n, p in model.named_parameters() if p.dim() > 1]
    assert two_dim == ["0.weight", "2.weight"]  # the LayerNorm weight is 1-d


def test_l1_penalty_gradient():
    torch.manual_seed(0)
    lam = 0.2
    w = torch.randn(6, requires_grad=True)
    (g,) = torch.autograd.grad(lam * w.abs().sum(), w)
    torch.testing.assert_close(g, lam * torch.sign(w.detach()))


def test_l1_gives_sparse_weights_l2_does_not():
    ns = run_snippet("l1_penalty")
    values = {}
    for name, kwargs in (("none", {}), ("l1", {"l1": 0.2}), ("l2", {"l2": 0.1})):
        values[name] = [float(v) for v in ns["fit"](**kwargs).split()]
    assert all(abs(v) <= 0.01 for v in values["l1"][2:])  # zero, up to the lr * lambda jitter
    assert max(abs(v) for v in values["l2"][2:]) >= 0.04
    assert max(abs(v) for v in values["none"][2:]) >= 0.03
    # both shrink the useful weights about equally
    assert abs(values["l1"][0] - values["l2"][0]) < 0.1 and abs(values["l1"][1] - values["l2"][1]) < 0.05
    # feature selection: exactly the two features that matter keep a weight
    assert [i for i, v in enumerate(values["l1"]) if abs(v) > 0.01] == [0, 1]


# ---- saving and loading ---------------------------------------------------------------------------


def test_state_dict_contents_and_strict_default():
    assert_defaults(nn.Module.load_state_dict, strict=True)
    model = nn.Sequential(nn.Linear(4, 8), nn.BatchNorm1d(8))
    keys = list(model.state_dict())
    assert "1.running_mean" in keys and "1.num_batches_tracked" in keys  # buffers included
    opt = torch.optim.Adam(model.parameters())
    assert list(opt.state_dict()) == ["state", "param_groups"]
    result = nn.Sequential(nn.Linear(4, 8)).load_state_dict(model.state_dict(), strict=False)
    assert result.unexpected_keys and not result.missing_keys
    with pytest.raises(RuntimeError):
        nn.Sequential(nn.Linear(4, 8)).load_state_dict(model.state_dict())


def test_save_load_reproduces_outputs():
    ns = run_snippet("save_load")
    with torch.no_grad():
        assert torch.equal(ns["model"](ns["x"]), ns["fresh"](ns["x"]))
    assert len(ns["optimizer"].state_dict()["state"]) == 6


def test_weights_only_default(tmp_path):
    sig = inspect.signature(torch.load).parameters
    assert sig["weights_only"].default is None
    assert torch.serialization._default_to_weights_only(None) is True
    assert torch.serialization._default_to_weights_only(pickle) is False
    model = nn.Linear(2, 1)
    torch.save(model, tmp_path / "whole.pt")
    torch.save(model.state_dict(), tmp_path / "state.pt")
    with pytest.raises(pickle.UnpicklingError):
        torch.load(tmp_path / "whole.pt")
    assert isinstance(torch.load(tmp_path / "whole.pt", weights_only=False), nn.Linear)
    assert isinstance(torch.load(tmp_path / "whole.pt", pickle_module=pickle), nn.Linear)  # own pickle_module
    loaded = torch.load(tmp_path / "state.pt")
    assert torch.equal(loaded["weight"], model.weight)
    # map_location moves tensors on load
    assert torch.load(tmp_path / "state.pt", map_location="cpu")["bias"].device.type == "cpu"
    # the file is a zip archive
    import zipfile

    assert zipfile.is_zipfile(tmp_path / "state.pt")


def test_weights_only_loads_allow_listed_classes(tmp_path):
    torch.save(nn.Linear(2, 1), tmp_path / "whole.pt")
    with torch.serialization.safe_globals([nn.Linear]):
        assert isinstance(torch.load(tmp_path / "whole.pt"), nn.Linear)
    with pytest.raises(pickle.UnpicklingError):  # the allowlist was only for that block
        torch.load(tmp_path / "whole.pt")
    assert run_snippet("weights_only")["loaded"].__class__ is nn.Linear


def test_export_runs_on_cpu_and_refuses_what_it_cannot_trace():
    ns = run_snippet("export_model")
    x = torch.randn(7, 4)
    torch.testing.assert_close(ns["loaded"](x), ns["model"](x))  # batch size is dynamic

    class ValueBranch(nn.Module):
        def forward(self, x):
            return x * 2 if x.sum() > 0 else x - 1

    with pytest.raises(RuntimeError, match="data-dependent"):
        torch.export.export(ValueBranch(), (torch.ones(2),))
    static = torch.export.export(nn.Linear(4, 3), (torch.randn(2, 4),)).module()
    with pytest.raises(AssertionError, match="Guard failed"):
        static(torch.randn(5, 4))


def test_checkpoint_resume_is_exact():
    ns = run_snippet("checkpoint")
    # the last run resumed without optimizer state; redo the full resume to compare. Reload
    # the file: the resumed Adam updated the loaded state tensors in place.
    checkpoint = torch.load(ns["path"])
    model, optimizer = ns["make"]()
    model.load_state_dict(checkpoint["model"])
    optimizer.load_state_dict(checkpoint["optimizer"])
    ns["train"](model, optimizer, 3)
    assert torch.equal(model.weight, ns["uninterrupted"])
    assert not torch.equal(ns["model"].weight, ns["uninterrupted"])


def test_rng_state_restores_draws():
    torch.manual_seed(0)
    state = torch.get_rng_state()
    first = torch.rand(3)
    torch.set_rng_state(state)
    assert torch.equal(torch.rand(3), first)


def test_global_rng_state_does_not_restore_a_loader_generator():
    gen = torch.Generator().manual_seed(0)
    loader = torch.utils.data.DataLoader(range(8), batch_size=8, shuffle=True, generator=gen)
    rng, gen_state = torch.get_rng_state(), gen.get_state()
    first = next(iter(loader)).tolist()
    torch.set_rng_state(rng)
    assert next(iter(loader)).tolist() != first  # the global state is not the loader's
    gen.set_state(gen_state)
    assert next(iter(loader)).tolist() == first


# ---- learning curves (figure) ------------------------------------------------------------------------


def test_learning_curve_figure_matches_snippet():
    ns = run_snippet("learning_curves")
    train_loss, val_loss, val_accuracy = fig.learning_curve_data(40)
    history = ns["history"]
    assert train_loss == history["train_loss"]
    assert val_loss == history["val_loss"]
    assert val_accuracy == history["val_accuracy"]
    best = min(range(40), key=val_loss.__getitem__)
    assert best + 1 == 20  # "after epoch 20"
    assert val_loss[-1] > val_loss[best] and train_loss[-1] < train_loss[best]  # overfitting
    assert val_accuracy[-1] > val_accuracy[best]  # accuracy still creeps up
    assert 0.87 < val_accuracy[-1] < 0.89  # "flattens near 0.88"


# ---- cross-validation and search -----------------------------------------------------------------


def test_kfold_folds_partition_the_data():
    ns = run_snippet("kfold")
    folds = ns["folds"]
    assert [len(f) for f in folds] == [30] * 5
    assert sorted(torch.cat(list(folds)).tolist()) == list(range(150))
    subset = torch.utils.data.Subset(ns["dataset"], [3, 1])
    assert subset.dataset is ns["dataset"] and subset[0][1] == ns["dataset"][3][1]
    accs = ns["accuracies"]
    assert min(accs) == pytest.approx(0.9) and max(accs) == 1.0


def test_log_uniform_sampling():
    g = torch.Generator().manual_seed(0)
    lrs = 10 ** torch.empty(20000).uniform_(-3, -0.5, generator=g)
    assert lrs.min() >= 1e-3 and lrs.max() <= 10**-0.5
    low = ((lrs >= 1e-3) & (lrs < 1e-2)).float().mean()
    high = ((lrs >= 1e-2) & (lrs < 1e-1)).float().mean()
    assert abs(low - high) < 0.02  # each decade gets the same share


def test_search_results():
    ns = run_snippet("search")
    trials = ns["trials"]
    assert len(trials) == 12
    best = max(trials)
    assert best[1:] == (0.1, 32) and best == max(trials[:6])  # the grid's best wins
    assert all(0.001 <= lr <= 0.02 for _, lr, _ in trials[6:])  # "all fell between 0.001 and 0.02"
    grid = {(lr, hidden): acc for acc, lr, hidden in trials[:6]}
    assert grid[0.001, 8] < 0.2 and grid[0.001, 32] < 0.52  # the smallest rate barely trains
    assert all(grid[lr, 32] > grid[lr, 8] for lr in (0.001, 0.01, 0.1))  # wider is better on the grid


# ---- mixed precision ---------------------------------------------------------------------------------


def test_float_format_table():
    for dtype, exponent, mantissa, tiny, largest in (
        (torch.float16, 5, 10, 6.1e-5, 65504.0),
        (torch.bfloat16, 8, 7, 1.2e-38, 3.4e38),
        (torch.float32, 8, 23, 1.2e-38, 3.4e38),
    ):
        info = torch.finfo(dtype)
        assert info.eps == 2.0**-mantissa
        assert info.bits - mantissa - 1 == exponent
        assert info.tiny == pytest.approx(tiny, rel=0.02)
        assert info.max == pytest.approx(largest, rel=0.01)
    assert torch.finfo(torch.float16).max == 65504.0


def test_autocast_cpu_defaults_and_dtypes():
    assert_defaults(torch.autocast, dtype=None, enabled=True)
    assert torch.get_autocast_dtype("cpu") == torch.bfloat16
    lin = nn.Linear(4, 2)
    with torch.autocast("cpu"):  # no dtype: bfloat16
        out = lin(torch.randn(3, 4))
        loss = nn.functional.cross_entropy(out, torch.tensor([0, 1, 0]))
    assert out.dtype == torch.bfloat16 and loss.dtype == torch.float32
    assert lin.weight.dtype == torch.float32
    loss.backward()
    assert lin.weight.grad.dtype == torch.float32
    ns = run_snippet("autocast")
    assert ns["hidden"].dtype == torch.bfloat16 and ns["loss"].dtype == torch.float32


def test_autocast_has_three_kinds_of_op():
    x32 = torch.randn(3, 4)
    with torch.autocast("cpu", dtype=torch.bfloat16):
        assert (x32 @ torch.randn(4, 2)).dtype == torch.bfloat16  # lower precision
        assert nn.functional.mse_loss(x32.bfloat16(), x32.bfloat16()).dtype == torch.float32
        assert torch.relu(x32).dtype == torch.float32  # follows its input ...
        assert torch.relu(x32.bfloat16()).dtype == torch.bfloat16
        assert (x32 + x32.bfloat16()).dtype == torch.float32  # ... the widest one


def test_grad_scaler_defaults_and_behaviour():
    assert_defaults(torch.amp.GradScaler, device="cuda", init_scale=65536.0, growth_factor=2.0,
                    backoff_factor=0.5, growth_interval=2000, enabled=True)
    assert torch.tensor(1e-8).half().item() == 0.0
    assert torch.tensor(2.0**-24).half().item() == 2.0**-24 == pytest.approx(6e-8, rel=0.01)  # smallest
    assert torch.tensor(2.0**-26).half().item() == 0.0
    # below half the smallest positive number: 0; between that and 2**-24: rounded up
    assert torch.tensor(2.0**-25).item() == pytest.approx(3e-8, rel=0.01)
    assert torch.tensor(2.9e-8).half().item() == 0.0
    assert torch.tensor(3.0e-8).half().item() == torch.tensor(4e-8).half().item() == 2.0**-24
    assert torch.tensor(1e-8 * 65536).half().item() > 0
    # an inf gradient: the step is skipped and the scale halved
    p = nn.Parameter(torch.ones(2))
    opt = torch.optim.SGD([p], lr=0.1)
    scaler = torch.amp.GradScaler("cpu")
    scaler.scale((p * torch.tensor([1.0, float("inf")])).sum()).backward()
    scaler.step(opt)
    scaler.update()
    assert torch.equal(p.detach(), torch.ones(2)) and scaler.get_scale() == 32768.0
    # normal steps: scaled gradient = scale * true gradient, unscale_ divides it back
    p.grad = None
    scaler = torch.amp.GradScaler("cpu")
    scaler.scale((3 * p).sum()).backward()
    torch.testing.assert_close(p.grad, torch.full((2,), 3.0 * 65536))
    scaler.unscale_(opt)
    torch.testing.assert_close(p.grad, torch.full((2,), 3.0))
    ns = run_snippet("grad_scaler")
    assert ns["scaler"].get_scale() == 65536.0


# ---- profiling and reproducibility ---------------------------------------------------------------------


def test_profiler_counts():
    ns = run_snippet("profiling")
    calls = ns["calls"]
    assert calls["aten::linear"] == 2 and calls["aten::addmm"] == 2 and calls["aten::mm"] == 3
    # with an input that needs a gradient, the first layer's input gradient costs one more mm
    from torch.profiler import ProfilerActivity, profile

    model, x = ns["model"], ns["x"].clone().requires_grad_()
    with profile(activities=[ProfilerActivity.CPU]) as prof:
        model(x).sum().backward()
    assert {e.key: e.count for e in prof.key_averages()}["aten::mm"] == 4


def test_reproducible_runs():
    ns = run_snippet("reproducible")
    assert torch.equal(ns["run"](3), ns["run"](3))
    assert not torch.equal(ns["run"](3), ns["run"](4))


class _RandomValues(torch.utils.data.Dataset):
    def __len__(self):
        return 4

    def __getitem__(self, i):
        return torch.tensor([random.random(), float(np.random.rand()), torch.rand(()).item()])


def test_dataloader_workers_seeded_from_generator():
    def draw(seed):
        loader = torch.utils.data.DataLoader(_RandomValues(), batch_size=2, num_workers=2,
                                             generator=torch.Generator().manual_seed(seed))
        return torch.cat(list(loader))

    first = draw(0)
    assert torch.equal(first, draw(0))
    assert not torch.equal(first, draw(1))


def test_memory_block_runs_without_a_gpu(monkeypatch, capsys):
    from tests import codeblocks

    page = Path(__file__).resolve().parents[1] / "docs" / "training" / "practice.md"
    (block,) = [b for b in codeblocks.page_blocks(page) if "max_memory_allocated" in b.code]
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    exec(block.code, {"torch": torch})
    assert capsys.readouterr().out == ""
    for name in ("memory_allocated", "max_memory_allocated", "reset_peak_memory_stats",
                 "memory_reserved", "empty_cache"):
        assert callable(getattr(torch.cuda, name)) and callable(getattr(torch.accelerator, name))


def test_ddp_device_ids_need_the_local_rank():
    import torch.distributed.run as torchrun

    doc = " ".join(torchrun.__doc__.split())
    # torchrun's own docs: the environment it sets, and what DDP's device_ids must be
    for variable in ("``RANK``", "``LOCAL_RANK``", "``WORLD_SIZE``"):
        assert variable in doc
    assert '``device_ids`` needs to be ``[int(os.environ("LOCAL_RANK"))]``' in doc
    page = (Path(__file__).resolve().parents[1] / "docs" / "training" / "practice.md").read_text()
    assert "device_ids=[local_rank]" in page and "device_ids=[rank]" not in page


def test_accumulating_loss_tensors_keeps_graphs():
    w = torch.ones(3, requires_grad=True)
    total_tensor, total_float = 0, 0.0
    for _ in range(3):
        loss = (w * torch.randn(3)).sum()
        total_tensor = total_tensor + loss
        total_float += loss.item()
    assert total_tensor.grad_fn is not None  # still attached to all three graphs
    assert isinstance(total_float, float)

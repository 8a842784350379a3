"""Figures for the learning-rate schedulers page: the learning rate over the steps
of a short run, one figure per scheduler in `torch.optim.lr_scheduler`.

`schedule_data` runs the real scheduler on a dummy optimizer (one parameter,
SGD with momentum 0.9, `optimizer.step()` before every `scheduler.step()`) and
records `get_last_lr()` and the optimizer's momentum at every step.

A scheduler is described by a spec `(class name, kwargs)` with `kwargs` a tuple
of `(name, value)` pairs, so that figure parameters stay plain data:

- a function argument (`lr_lambda` of LambdaLR and MultiplicativeLR) is given by
  name, a key of `LAMBDAS`;
- the `schedulers` argument of SequentialLR and ChainedScheduler is a tuple of
  specs, built on the same optimizer.

ReduceLROnPlateau needs a metric: `plateau_data` trains a small linear
regression with mini-batch SGD and feeds the scheduler the loss on the whole
training set after every epoch.
"""

from __future__ import annotations

from plots import style
from plots.figure import Figure

STEPS = 100  # steps drawn per figure
LR = 0.1  # the optimizer's learning rate before the scheduler touches it
MOMENTUM = 0.9
WARMUP = 10  # warm-up length of the LambdaLR, SequentialLR and ChainedScheduler examples


def inverse_sqrt_warmup(epoch: int) -> float:
    """Linear warm-up over WARMUP steps, then decay as 1/sqrt(step) (the original Transformer's shape)."""
    return min((epoch + 1) / WARMUP, (WARMUP / (epoch + 1)) ** 0.5)


def constant_097(epoch: int) -> float:
    """Multiply by 0.97 at every step."""
    return 0.97


def halve_every_20(epoch: int) -> float:
    """Multiply by 0.5 at steps 20, 40, ... and by 1 otherwise."""
    return 0.5 if epoch % 20 == 0 else 1.0


LAMBDAS = {f.__name__: f for f in (inverse_sqrt_warmup, constant_097, halve_every_20)}

# Schedulers whose learning rate is constant between jumps: drawn as steps.
STEPWISE = {"StepLR", "MultiStepLR", "ConstantLR", "MultiplicativeLR", "ReduceLROnPlateau"}


def build_scheduler(optimizer, name: str, kwargs: tuple = ()):
    """Construct `torch.optim.lr_scheduler.<name>(optimizer, **kwargs)` from a spec."""
    from torch.optim import lr_scheduler

    options = dict(kwargs)
    if "lr_lambda" in options:
        options["lr_lambda"] = LAMBDAS[options["lr_lambda"]]
    if name == "ChainedScheduler":
        parts = [build_scheduler(optimizer, *spec) for spec in options.pop("schedulers")]
        return lr_scheduler.ChainedScheduler(parts, optimizer=optimizer)
    if name == "SequentialLR":
        parts = [build_scheduler(optimizer, *spec) for spec in options.pop("schedulers")]
        return lr_scheduler.SequentialLR(optimizer, parts, milestones=list(options.pop("milestones")), **options)
    return getattr(lr_scheduler, name)(optimizer, **options)


def schedule_data(name: str, kwargs: tuple = (), steps: int = STEPS, lr: float = LR):
    """Return `(lrs, momenta)`: the learning rate and momentum used at steps 0 .. steps-1.

    `lrs[t]` is `scheduler.get_last_lr()[0]` after t calls of `scheduler.step()`,
    i.e. the learning rate the t-th `optimizer.step()` uses.
    """
    import torch

    param = torch.nn.Parameter(torch.zeros(1))
    optimizer = torch.optim.SGD([param], lr=lr, momentum=MOMENTUM)
    scheduler = build_scheduler(optimizer, name, kwargs)
    lrs, momenta = [], []
    for _ in range(steps):
        lrs.append(float(scheduler.get_last_lr()[0]))
        momenta.append(float(optimizer.param_groups[0]["momentum"]))
        optimizer.step()
        scheduler.step()
    return lrs, momenta


def plateau_data(epochs: int = 40, lr: float = 0.2, factor: float = 0.5, patience: int = 3, samples: int = 128, batch: int = 16):
    """Train `nn.Linear(4, 1)` on noisy linear data with SGD and ReduceLROnPlateau.

    After every epoch the mean squared error on all `samples` points is passed to
    `scheduler.step`. Returns `(losses, lrs)`: `losses[e]` is the loss after epoch
    e and `lrs[e]` the learning rate epoch e trained with.
    """
    import torch

    torch.manual_seed(0)
    x = torch.randn(samples, 4)
    y = x @ torch.tensor([1.0, -2.0, 0.5, 3.0]) + 0.3 * torch.randn(samples)
    model = torch.nn.Linear(4, 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=factor, patience=patience)
    losses, lrs = [], []
    for _ in range(epochs):
        lrs.append(float(scheduler.get_last_lr()[0]))
        for idx in torch.randperm(samples).split(batch):
            loss = torch.nn.functional.mse_loss(model(x[idx]).squeeze(1), y[idx])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            losses.append(torch.nn.functional.mse_loss(model(x).squeeze(1), y).item())
        scheduler.step(losses[-1])
    return losses, lrs


def _label(kwargs: tuple) -> str:
    return ", ".join(f"{key}={value}" for key, value in kwargs) or "defaults"


def _finish(ax, steps: int, log: bool) -> None:
    if log:
        ax.set_yscale("log")
        ax.minorticks_off()
    else:
        ax.set_ylim(bottom=0)
    ax.set_xlim(0, steps)
    ax.set_xticks(range(0, steps + 1, steps // 4))


def draw_schedule(name: str, variants: tuple = ((),), labels: tuple = (), momentum: bool = False, log: bool = False):
    """The learning rate per step for each kwargs variant of `name` (one colour each).

    `labels` names the variants in the legend (default: their kwargs); with
    `momentum`, a second panel shows the optimizer's momentum under the first
    variant (CyclicLR and OneCycleLR cycle it against the learning rate).
    """
    if momentum:
        fig, (ax, low) = style.new_figure(nrows=2, width=4.6, height=3.6, sharex=True, gridspec_kw={"height_ratios": (2, 1)})
    else:
        fig, ax = style.new_figure(width=4.6, height=2.6)
    drawstyle = "steps-post" if name in STEPWISE else "default"
    for index, (colour, kwargs) in enumerate(zip(style.VARIANTS, variants)):
        lrs, momenta = schedule_data(name, kwargs)
        label = labels[index] if labels else _label(kwargs)
        ax.plot(range(len(lrs)), lrs, color=colour, drawstyle=drawstyle, linewidth=1.6, label=label)
        if momentum and index == 0:
            low.plot(range(len(momenta)), momenta, color=colour, linewidth=1.2)
            low.set_yticks(sorted({round(min(momenta), 2), round(max(momenta), 2)}))
    _finish(ax, STEPS, log)
    ax.set_ylabel("learning rate")
    ax.set_title(name, loc="left")
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    bottom = ax
    if momentum:  # few ticks: every tick and grid line adds to the SVG
        low.set_xlim(0, STEPS)
        low.set_ylabel(f"momentum\n({labels[0] if labels else _label(variants[0])})", fontsize=8)
        ax.set_yticks([0.0, 0.05, 0.1])
        bottom = low
    bottom.set_xlabel("step (calls of scheduler.step())")
    return fig


def draw_plateau(epochs: int = 40, patience: int = 3):
    """Top: the monitored loss per epoch; bottom: the learning rate ReduceLROnPlateau chose."""
    losses, lrs = plateau_data(epochs, patience=patience)
    fig, (top, bottom) = style.new_figure(nrows=2, width=4.6, height=3.6, sharex=True)
    best = min(losses)
    top.plot(range(epochs), [loss - best + 1e-5 for loss in losses], color=style.FUNCTION, linewidth=1.4)
    _finish(top, epochs, log=True)
    top.set_ylabel("loss above best")
    top.set_title(f"ReduceLROnPlateau(factor=0.5, patience={patience})", loc="left")
    bottom.plot(range(epochs), lrs, color=style.DERIVATIVE, drawstyle="steps-post", linewidth=1.6)
    _finish(bottom, epochs, log=True)
    bottom.set_ylabel("learning rate")
    bottom.set_xlabel("epoch")
    return fig


def _kw(**kwargs) -> tuple:
    return tuple(kwargs.items())


SEQUENTIAL = _kw(
    schedulers=(("LinearLR", _kw(start_factor=0.1, total_iters=WARMUP)), ("CosineAnnealingLR", _kw(T_max=STEPS - WARMUP))),
    milestones=(WARMUP,),
)
CHAINED = _kw(schedulers=(("LinearLR", _kw(start_factor=0.1, total_iters=WARMUP)), ("ExponentialLR", _kw(gamma=0.97))))


def _fig(name: str, *variants: tuple, **options) -> Figure:
    return Figure(f"lr_schedulers/{name.lower()}", draw_schedule, {"name": name, "variants": variants or ((),), **options})


FIGURES = [
    _fig("StepLR", _kw(step_size=20, gamma=0.5), _kw(step_size=30)),
    _fig("MultiStepLR", _kw(milestones=(30, 60, 80), gamma=0.5)),
    _fig("ExponentialLR", _kw(gamma=0.95), _kw(gamma=0.98)),
    _fig("ConstantLR", (), _kw(factor=0.5, total_iters=30), labels=("defaults (factor=1/3,\ntotal_iters=5)", "factor=0.5,\ntotal_iters=30")),
    _fig(
        "LinearLR",
        _kw(start_factor=0.1, total_iters=20),
        _kw(start_factor=1.0, end_factor=0.1, total_iters=80),
        labels=("start_factor=0.1,\ntotal_iters=20", "start_factor=1.0,\nend_factor=0.1,\ntotal_iters=80"),
    ),
    _fig(
        "PolynomialLR",
        _kw(total_iters=80, power=0.5),
        _kw(total_iters=80, power=1.0),
        _kw(total_iters=80, power=2.0),
        labels=("power=0.5", "power=1.0", "power=2.0"),
    ),
    _fig("CosineAnnealingLR", _kw(T_max=100), _kw(T_max=40, eta_min=0.01), labels=("T_max=100", "T_max=40,\neta_min=0.01")),
    _fig("CosineAnnealingWarmRestarts", _kw(T_0=25), _kw(T_0=10, T_mult=2)),
    _fig(
        "CyclicLR",
        _kw(base_lr=0.01, max_lr=0.1, step_size_up=10),
        _kw(base_lr=0.01, max_lr=0.1, step_size_up=10, mode="triangular2"),
        _kw(base_lr=0.01, max_lr=0.1, step_size_up=10, mode="exp_range", gamma=0.98),
        labels=("triangular", "triangular2", "exp_range,\ngamma=0.98"),
        momentum=True,
    ),
    _fig(
        "OneCycleLR",
        _kw(max_lr=0.1, total_steps=STEPS),
        _kw(max_lr=0.1, total_steps=STEPS, anneal_strategy="linear"),
        _kw(max_lr=0.1, total_steps=STEPS, three_phase=True),
        labels=("defaults", "anneal_strategy=\n'linear'", "three_phase=True"),
        momentum=True,
    ),
    _fig("LambdaLR", _kw(lr_lambda="inverse_sqrt_warmup"), labels=("warm-up,\nthen 1/√step",)),
    _fig("MultiplicativeLR", _kw(lr_lambda="constant_097"), _kw(lr_lambda="halve_every_20"), labels=("× 0.97 every step", "× 0.5 every 20 steps")),
    Figure("lr_schedulers/reducelronplateau", draw_plateau, {}),
    _fig("SequentialLR", SEQUENTIAL, labels=(f"LinearLR for {WARMUP} steps,\nthen CosineAnnealingLR",)),
    _fig("ChainedScheduler", CHAINED, labels=("LinearLR\nand ExponentialLR", )),
]

"""Render every declared figure into a cache, skipping the unchanged ones.

A figure's cache key hashes everything its bytes depend on: the source of its
family module and of the `plots` modules that family uses, its parameters, and
the installed torch and matplotlib versions (read from package metadata, not by
importing them).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import inspect
import json
import multiprocessing
import os
import pkgutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from importlib import metadata
from pathlib import Path

from plots.figure import Figure

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "figures"
_MANIFEST = ".keys.json"
PROCESSES = min(2, os.cpu_count() or 1)  # one per core of a two-core machine


def families() -> dict[str, list[Figure]]:
    """Map each module of `plots.families` to the figures it declares."""
    import plots.families

    found = {}
    for info in sorted(pkgutil.iter_modules(plots.families.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"plots.families.{info.name}")
        found[module.__name__] = list(module.FIGURES)
    return found


def all_figures() -> list[Figure]:
    """Every figure of every family."""
    return [fig for figs in families().values() for fig in figs]


def _sources(module) -> bytes:
    """The source of a family module, of every `plots` module it uses, and of this
    module (how figures are rendered is an input too)."""
    files = {module.__file__, __file__}
    for value in vars(module).values():
        owner = value if inspect.ismodule(value) else sys.modules.get(getattr(value, "__module__", None) or "")
        if owner is not None and owner.__name__.split(".")[0] == "plots":
            files.add(owner.__file__)
    return b"".join(Path(path).read_bytes() for path in sorted(files))


def _key(fig: Figure, sources: bytes, versions: str) -> str:
    digest = hashlib.sha256()
    for part in (sources, versions.encode(), fig.name.encode(), repr(sorted(fig.params.items())).encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _one_thread() -> None:
    """Figures must not depend on the machine's core count: a reduction split over
    more threads rounds differently, and a figure that trains a model shows it."""
    import torch

    torch.set_num_threads(1)


def _draw(module_name: str, index: int) -> tuple[bytes, float]:
    """SVG bytes of one figure, and the seconds they took (runs in a worker process)."""
    from plots import style

    started = time.perf_counter()
    _one_thread()
    fig = importlib.import_module(module_name).FIGURES[index]
    return style.svg_bytes(fig.draw(**fig.params)), time.perf_counter() - started


def render(out: Path = CACHE, force: bool = False, log=print) -> list[str]:
    """Bring `out` up to date; return the names of all figures (rendered or not).

    Figures to render are drawn by a pool of PROCESSES worker processes, each
    single-threaded, so the bytes are the same on any machine. SVGs of figures that
    are no longer declared are removed, so the site never ships a stale figure.
    """
    from plots import style

    out.mkdir(parents=True, exist_ok=True)
    manifest_path = out / _MANIFEST
    old = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    versions = f"torch {metadata.version('torch')}; matplotlib {metadata.version('matplotlib')}"

    keys, names, todo = {}, [], []
    for module_name, figures in families().items():
        sources = _sources(sys.modules[module_name])
        for index, fig in enumerate(figures):
            if fig.name in keys:
                raise ValueError(f"figure {fig.name!r} is declared twice")
            names.append(fig.name)
            keys[fig.name] = _key(fig, sources, versions)
            if force or old.get(fig.name) != keys[fig.name] or not (out / f"{fig.name}.svg").exists():
                todo.append((fig.name, module_name, index))
    if todo:
        # Spawned, not forked: the caller may be `mkdocs serve`, with threads running.
        # The workers get this sys.path; MkDocs removes the repository from it after
        # loading the hooks, so put it back while they start.
        pool = ProcessPoolExecutor(min(PROCESSES, len(todo)), mp_context=multiprocessing.get_context("spawn"))
        sys.path.insert(0, str(ROOT))
        try:
            drawn = {pool.submit(_draw, module_name, index): name for name, module_name, index in todo}  # starts the workers
        finally:
            sys.path.remove(str(ROOT))
        with pool:
            for done in as_completed(drawn):
                data, seconds = done.result()
                style.write_if_changed(out / f"{drawn[done]}.svg", data)
                log(f"plots: rendered {drawn[done]}.svg in {seconds:.2f} s")
    for stale in set(old) - set(keys):
        (out / f"{stale}.svg").unlink(missing_ok=True)
    style.write_if_changed(manifest_path, json.dumps(keys, indent=1, sort_keys=True).encode())
    return names


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m plots", description=__doc__)
    parser.add_argument("--force", action="store_true", help="re-render every figure")
    parser.add_argument("--out", type=Path, default=CACHE, help=f"cache folder (default: {CACHE.relative_to(ROOT)})")
    parser.add_argument("--list", action="store_true", help="print the declared figure names and exit")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(fig.name for fig in all_figures()))
        return 0
    started = time.perf_counter()
    names = render(args.out, force=args.force)
    print(f"plots: {len(names)} figures up to date in {args.out} ({time.perf_counter() - started:.2f} s)")
    return 0

"""The figure step: fast when nothing changed, same bytes every time, re-rendered on change."""

from __future__ import annotations

import subprocess
import sys

from plots import build, style
from plots.figure import Figure

ROOT = build.ROOT


def test_warm_run_renders_nothing_and_imports_neither_torch_nor_matplotlib():
    subprocess.run([sys.executable, "-m", "plots"], cwd=ROOT, check=True, capture_output=True)
    probe = (
        "import sys; from plots import build; logged = []; build.render(log=logged.append);"
        "heavy = [m for m in ('torch', 'matplotlib') if m in sys.modules];"
        "print(len(logged), heavy)"
    )
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True, capture_output=True, text=True).stdout
    assert out.strip() == "0 []", f"a warm run should render nothing and import no torch/matplotlib, got {out!r}"


def test_figures_have_the_same_bytes_on_every_render():
    for fig in build.all_figures()[:3]:
        first, second = (style.svg_bytes(fig.draw(**fig.params)) for _ in range(2))
        assert first == second, f"{fig.name}: two renders differ"
        assert b"<dc:date>" not in first, f"{fig.name}: SVG carries a date"


def _key(fig: Figure, source: bytes = b"source") -> str:
    return build._key(fig, source, "torch 2.13.0; matplotlib 3.11.2")


def test_cache_key_changes_with_every_input():
    fig = Figure("family/name", print, {"module": "ReLU"})
    base = _key(fig)
    assert _key(fig) == base
    assert _key(Figure("family/name", print, {"module": "Tanh"})) != base, "parameters"
    assert _key(fig, b"edited source") != base, "generator code"
    assert build._key(fig, b"source", "torch 2.14.0; matplotlib 3.11.2") != base, "library versions"


def test_cache_key_covers_the_plots_modules_a_family_uses():
    import plots.curves
    import plots.families.activations_smooth as family

    sources = build._sources(family)
    for module in (family, plots.curves, style, build):
        assert open(module.__file__, "rb").read() in sources, module.__name__


def test_figure_names_are_unique_and_svg_files_exist():
    names = [fig.name for fig in build.all_figures()]
    assert len(names) == len(set(names))
    build.render(log=lambda message: None)
    missing = [name for name in names if not (build.CACHE / f"{name}.svg").is_file()]
    assert not missing


def test_figures_are_written_outside_docs_and_only_when_changed(tmp_path):
    """`mkdocs serve` watches docs/: writing figures there could rebuild forever."""
    assert ROOT / "docs" not in build.CACHE.parents
    target = tmp_path / "figure.svg"
    assert style.write_if_changed(target, b"<svg/>")
    stamp = target.stat().st_mtime_ns
    assert not style.write_if_changed(target, b"<svg/>")
    assert target.stat().st_mtime_ns == stamp

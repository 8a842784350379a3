"""Two builds of the same commit are byte-identical: figures and pages alike."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

from plots import build
from tests import verdicts
from tests.conftest import ROOT, build_env


def differing(left, right) -> list[str]:
    report = filecmp.dircmp(left, right)
    found = [f"{left}/{name}" for name in report.diff_files + report.left_only + report.right_only]
    for name, sub in report.subdirs.items():
        found += differing(sub.left, sub.right)
    return found


def test_figures_rerender_to_the_same_bytes(tmp_path):
    """Every figure, drawn again in fresh processes, has the bytes of the cached one.
    Once shown for a set of figure keys (their sources, parameters and library
    versions: plots/build.py) and bytes, it is not shown again for the same set
    (tests/verdicts.py)."""
    build.render(log=lambda message: None)
    key = verdicts.digest(Path(__file__), *sorted(p for p in build.CACHE.rglob("*") if p.is_file()))
    if verdicts.passed("figures-rerender", key):
        return
    subprocess.run([sys.executable, "-m", "plots", "--force", "--out", str(tmp_path)], cwd=ROOT, check=True, capture_output=True)
    changed = [
        fig.name for fig in build.all_figures()
        if (tmp_path / f"{fig.name}.svg").read_bytes() != (build.CACHE / f"{fig.name}.svg").read_bytes()
    ]
    assert not changed, f"figures whose bytes change from one render to the next: {changed}"
    verdicts.record("figures-rerender", key)


def test_two_builds_are_identical(site, tmp_path):
    again = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(again)],
                   cwd=ROOT, check=True, capture_output=True, env=build_env())
    changed = differing(site, again)
    assert not changed, "files that differ between two builds of the same commit:\n" + "\n".join(changed)

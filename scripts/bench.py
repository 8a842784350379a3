"""`make bench`: how long the things contributors wait for take, against their targets.

Timings live here and never in tests: the machines are shared and noisy, so a
slow run is reported, not failed. `--quick` skips the slow steps: the test suite
(quiet and under load) and the set-up from a fresh clone.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import lighthouse  # scripts/lighthouse.py: what readers get, per page

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TARGETS = {  # seconds
    "set-up, warm (make install)": 5.0,
    "figures, warm (python -m plots)": 1.0,
    "site build, warm figure cache": 15.0,
    "serve: edit a page until it shows": 3.0,
    "test suite, quiet (make test)": 120.0,
    "test suite, two busy processes beside it": 120.0,
}
MAKE = ["make", "--no-print-directory"]


def timed(command: list[str], cwd: Path = ROOT, env: dict | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}")
    return time.perf_counter() - started


def fresh_clone_setup(work: Path) -> float:
    """`git clone` of this repository (its last commit) and `make install` there: a new
    venv and node_modules from the registries (pip's and npm's caches help, as they
    would on a contributor's machine)."""
    clone = work / "clone"
    started = time.perf_counter()
    timed(["git", "clone", "--quiet", str(ROOT), str(clone)])
    timed([*MAKE, "install"], cwd=clone)
    return time.perf_counter() - started


def fetch(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=30).read().decode()
    except OSError:
        return ""


def wait_for(url: str, text: str, started: float, limit: float = 180) -> float:
    """Seconds since `started` until `url` serves `text`."""
    while text not in fetch(url):
        if time.perf_counter() - started > limit:
            raise RuntimeError(f"{url} never showed {text!r}")
        time.sleep(0.05)
    return time.perf_counter() - started


def serve_edits(work: Path) -> tuple[float, float, int]:
    """Seconds from saving a page, then a snippet, to `make serve` serving the new text,
    and how many builds the page edit caused (more than one: a rebuild loop)."""
    copy = work / "repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "node_modules", ".cache", "site", ".git"))
    for shared in ("node_modules", ".cache"):
        (copy / shared).symlink_to(ROOT / shared)
    port = "8765"
    log = work / "serve.log"
    # What `make serve` runs (not make itself: its install step must not touch the shared node_modules).
    server = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dirty", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=copy, start_new_session=True, stdout=log.open("w"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(url, "PyTorch Notes", time.perf_counter())
        builds = log.read_text().count("Building documentation")
        marker = f"bench-marker-{time.time_ns()}"
        page = copy / "docs" / "index.md"
        started = time.perf_counter()
        page.write_text(page.read_text() + f"\n{marker}\n")
        page_seconds = wait_for(url, marker, started)
        time.sleep(3)  # a watcher loop would show up as more builds here
        page_builds = log.read_text().count("Building documentation") - builds
        snippet = copy / "snippets" / "tensors" / "from_data.py"
        started = time.perf_counter()
        snippet.write_text(snippet.read_text() + f"# {marker}-snippet\n")
        snippet_seconds = wait_for(url + "tensors/", f"{marker}-snippet", started)
        return page_seconds, snippet_seconds, page_builds
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


def walkthrough_times() -> dict[str, float]:
    """Seconds to execute each walkthrough notebook in a fresh kernel, as the site build does
    when mkdocs-jupyter's cache misses (an unchanged notebook costs nothing on the next build)."""
    import nbformat
    from nbclient import NotebookClient

    sys.path.insert(0, str(ROOT))
    from hooks.notebooks import kernel_environment

    changes = kernel_environment()  # the kernel's environment in the build
    kernel_env = {k: v for k, v in {**os.environ, **changes}.items() if v is not None}
    times = {}
    for path in sorted((ROOT / "docs" / "notebooks").glob("*.ipynb")):
        name = f"walkthrough {path.stem} (kernel start + run)"
        notebook = nbformat.read(path, as_version=4)
        with tempfile.TemporaryDirectory() as folder:
            started = time.perf_counter()
            NotebookClient(notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": folder}}).execute(env=kernel_env)
            times[name] = time.perf_counter() - started
        TARGETS[name] = 30.0
    return times


def busy_processes(count: int = 2) -> list[subprocess.Popen]:
    """CPU-bound loops that compete with the suite for the cores, as on a busy CI machine."""
    return [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]


def test_suite(env: dict) -> float:
    seconds = timed([*MAKE, "test"], env=env)
    changed = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    if changed:
        sys.exit(f"`make test` changed the working tree:\n{changed}")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the test suite and the fresh-clone set-up")
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results["set-up, warm (make install)"] = timed([*MAKE, "install"])
        if not args.quick:
            results["set-up from a fresh clone (git clone, make install)"] = fresh_clone_setup(work)
        cold_cache = work / "figures"
        results["figures, cold (python -m plots, empty cache)"] = timed([sys.executable, "-m", "plots", "--out", str(cold_cache)])
        results["figures, warm (python -m plots)"] = timed([sys.executable, "-m", "plots", "--out", str(cold_cache)])
        timed([sys.executable, "-m", "plots"])  # warm the cache the build uses
        results["site build, warm figure cache"] = timed(
            [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(work / "site")], env=env
        )
        results.update(walkthrough_times())
        page, snippet, rebuilds = serve_edits(work)
        results["serve: edit a page until it shows"] = page
        results["serve: edit a snippet until its page shows it"] = snippet
        if not args.quick:
            # Every check run, as on a fresh clone (no verdict kept: tests/verdicts.py) ...
            results["test suite, every check run (FRESH=1 make test), quiet"] = test_suite({**env, "FRESH": "1"})
            # ... then warm, as a contributor runs it again after an edit.
            results["test suite, quiet (make test)"] = test_suite(env)
            loops = busy_processes()
            try:
                results["test suite, two busy processes beside it"] = test_suite(env)
            finally:
                for loop in loops:
                    loop.kill()
        sizes = sorted(p.stat().st_size for p in cold_cache.rglob("*.svg"))
        lighthouse.report(work / "site", runs=int(os.environ.get("LIGHTHOUSE_RUNS", "1")))

    width = max(map(len, results))
    for name, seconds in results.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else f"  target < {target:g} s: {'ok' if seconds < target else 'MISSED'}"
        print(f"{name:<{width}}  {seconds:7.2f} s{verdict}")
    print(f"{'serve: builds caused by one edit':<{width}}  {rebuilds} (1 expected: no rebuild loop)")
    median, largest = statistics.median(sizes) / 1024, sizes[-1] / 1024
    print(f"{'figures: count, median SVG size':<{width}}  {len(sizes)} figures, median {median:.1f} KiB, largest {largest:.1f} KiB")
    if not args.quick:
        print("working tree after each `make test`: unchanged (git status --porcelain empty)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

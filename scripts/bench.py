"""`make bench`: how long the things contributors wait for take, against their targets.

Timings live here and never in tests: the machines are shared and noisy, so a
slow run is reported, not failed. Run with `--quick` to skip the test suite.
"""

from __future__ import annotations

import argparse
import os
import shutil
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
}


def timed(command: list[str], cwd: Path = ROOT, env: dict | None = None) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, text=True)
    if done.returncode:
        sys.exit(f"{' '.join(command)} failed:\n{done.stdout[-3000:]}")
    return time.perf_counter() - started


def serve_rebuild(work: Path) -> tuple[float, int]:
    """Seconds from saving a page to `mkdocs serve` serving the new text, and how many
    builds that one edit caused (more than one would mean a rebuild loop)."""
    copy = work / "repo"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".venv", "node_modules", ".cache", "site", ".git"))
    for shared in ("node_modules", ".cache"):
        (copy / shared).symlink_to(ROOT / shared)
    port = "8765"
    log = work / "serve.log"
    server = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=copy, stdout=subprocess.DEVNULL, stderr=log.open("w"),
    )
    builds = lambda: log.read_text().count("Building documentation")  # noqa: E731
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 180
        page = ""
        while "PyTorch Notes" not in page:
            if time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve did not come up")
            try:
                page = urllib.request.urlopen(url, timeout=5).read().decode()
            except OSError:
                time.sleep(0.2)
        before = builds()
        marker = f"bench-marker-{time.time_ns()}"
        index = copy / "docs" / "index.md"
        started = time.perf_counter()
        index.write_text(index.read_text() + f"\n{marker}\n")
        while marker not in urllib.request.urlopen(url, timeout=30).read().decode():
            if time.perf_counter() - started > 180:
                raise RuntimeError("edit never showed up")
            time.sleep(0.1)
        seconds = time.perf_counter() - started
        time.sleep(5)  # a watcher loop would show up as more builds here
        return seconds, builds() - before
    finally:
        server.terminate()
        server.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip timing the test suite")
    args = parser.parse_args()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results["set-up, warm (make install)"] = timed(["make", "--no-print-directory", "install"])
        cold_cache = work / "figures"
        results["figures, cold (python -m plots, empty cache)"] = timed([sys.executable, "-m", "plots", "--out", str(cold_cache)])
        results["figures, warm (python -m plots)"] = timed([sys.executable, "-m", "plots", "--out", str(cold_cache)])
        timed([sys.executable, "-m", "plots"])  # warm the cache the build uses
        results["site build, warm figure cache"] = timed(
            [str(BIN / "mkdocs"), "build", "--strict", "--site-dir", str(work / "site")], env=env
        )
        results["serve: rebuild after editing a page"], rebuilds = serve_rebuild(work)
        if not args.quick:
            results["test suite (make test)"] = timed([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], env=env)
        sizes = sorted(p.stat().st_size for p in cold_cache.rglob("*.svg"))
        lighthouse.report(work / "site")

    width = max(map(len, results))
    for name, seconds in results.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else f"  target < {target:g} s: {'ok' if seconds < target else 'MISSED'}"
        print(f"{name:<{width}}  {seconds:7.2f} s{verdict}")
    print(f"{'serve: builds caused by one edit':<{width}}  {rebuilds} (1 expected: no rebuild loop)")
    print(f"{'figures: count, median SVG size':<{width}}  {len(sizes)} figures, median {statistics.median(sizes) / 1024:.1f} KiB, largest {sizes[-1] / 1024:.1f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

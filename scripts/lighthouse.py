"""How light and accessible the built pages are for readers: Lighthouse 12.2.3 (npm) in
Debian's Chromium, desktop and mobile, for every content page; plus DOM size, HTML bytes
and the search index size.

Scores depend on the machine's load, so they are reported against their targets here
(and in `make bench`), never asserted in tests. On a shared machine one mobile run's
blocking time can differ from the next by half, so `--runs 3` (or `LIGHTHOUSE_RUNS=3 make
bench`) reports each page's median run, as Lighthouse's own guidance on variability advises. For a quick look at a few pages:

    .venv/bin/python scripts/lighthouse.py --site /tmp/site optimizers losses/classification
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.test_site import content_pages  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
         " --disable-sync --no-first-run --disable-quic")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {  # lowest acceptable score per form factor and category
    ("desktop", "performance"): 0.95,
    ("mobile", "performance"): 0.80,
    **{(form, c): 1.0 for form in ("desktop", "mobile") for c in CATEGORIES[1:]},
}
# The heaviest page when issue 9 was filed (Lighthouse's DOM count, HTML kilobytes).
BEFORE = ("optimizers", 17_606, 682)


class _Host(http.server.SimpleHTTPRequestHandler):
    """Serves the site as its host does: text compressed with gzip when the browser
    accepts it (GitHub Pages does; Python's server alone sends every byte as is, and
    Lighthouse's throttled mobile network then measures a site nobody is served)."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".ipynb")

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in self.COMPRESSED and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and path.name == "index.html" and not self.path.endswith("index.html"):
            return super().send_head()  # let the base class redirect /page to /page/
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Host, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


def lighthouse(url: str, form: str) -> dict:
    """Scores and DOM size of one page in one form factor."""
    command = ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={FLAGS}"]
    if form == "desktop":
        command.append("--preset=desktop")
    done = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": CHROMIUM})
    if done.returncode:
        raise RuntimeError(f"lighthouse failed on {url} ({form}):\n{done.stderr[-2000:]}")
    report = json.loads(done.stdout)
    audits = report["audits"]
    if any(report["categories"][c]["score"] is None for c in CATEGORIES):
        errors = sorted({a["errorMessage"][:80] for a in audits.values() if a.get("errorMessage")})
        raise RuntimeError(f"lighthouse could not score {url} ({form}): {'; '.join(errors)}")
    value = lambda audit: audits[audit].get("numericValue", float("nan"))  # noqa: E731
    return {
        **{c: report["categories"][c]["score"] for c in CATEGORIES},
        "dom": value("dom-size"),
        "cls": value("cumulative-layout-shift"),
        "lcp": value("largest-contentful-paint"),
        "tbt": value("total-blocking-time"),
        "failed": sorted(
            a for c in CATEGORIES[1:] for a in (r["id"] for r in report["categories"][c]["auditRefs"])
            if audits[a]["score"] is not None and audits[a]["score"] < 1 and audits[a]["scoreDisplayMode"] == "binary"
        ),
    }


def page_name(site: Path, page: Path) -> str:
    return page.parent.relative_to(site).as_posix().removeprefix(".") or "home"


def median_run(url: str, form: str, runs: int) -> dict:
    """The run with the median performance score of `runs` runs."""
    results = sorted((lighthouse(url, form) for _ in range(runs)), key=lambda r: r["performance"])
    return results[len(results) // 2]


def measure(site: Path, names: list[str], forms: list[str], runs: int = 1) -> list[str]:
    """Print one row per page and form factor; return the targets missed."""
    pages = {page_name(site, p): p for p in content_pages(site)}
    unknown = set(names) - set(pages)
    if unknown:
        sys.exit(f"no such page: {', '.join(sorted(unknown))} (pages: {', '.join(pages)})")
    server, base = serve(site)
    missed, heaviest = [], set()
    print(f"{'page':<36} {'form':<7} {'perf':>5} {'a11y':>5} {'bp':>5} {'seo':>5} {'DOM':>6} {'HTML KB':>8} {'CLS':>5} {'TBT ms':>7} {'LCP ms':>7}")
    try:
        for name in names or list(pages):
            url = base + ("" if name == "home" else name + "/")
            size = pages[name].stat().st_size / 1000
            for form in forms:
                try:
                    r = median_run(url, form, runs)
                except RuntimeError as err:  # e.g. Chromium too slow to answer on a loaded machine
                    print(f"{name:<36} {form:<7} failed: {str(err).splitlines()[-1]}", flush=True)
                    missed.append(f"{name} {form}: Lighthouse failed")
                    continue
                heaviest.add((r["dom"], name))
                scores = " ".join(f"{r[c]:5.2f}" for c in CATEGORIES)
                print(f"{name:<36} {form:<7} {scores} {r['dom']:6.0f} {size:8.1f} {r['cls']:5.3f} {r['tbt']:7.0f} {r['lcp']:7.0f}"
                      + (f"  failing: {', '.join(r['failed'])}" if r["failed"] else ""), flush=True)
                missed += [f"{name} {form} {c} {r[c]:.2f} < {TARGETS[form, c]:.2f}"
                           for c in CATEGORIES if r[c] < TARGETS[form, c]]
    finally:
        server.shutdown()
    index = site / "search" / "search_index.json"
    print(f"search index: {index.stat().st_size / 1000:.1f} KB")
    if heaviest:
        (dom, name), size = max(heaviest), pages[max(heaviest)[1]].stat().st_size / 1000
        print(f"heaviest page: {name}, {dom:.0f} DOM elements, {size:.0f} KB of HTML"
              f" (before, issue 9: {BEFORE[0]}, {BEFORE[1]:,} elements, {BEFORE[2]} KB)")
    return missed


def report(site: Path, names: list[str] = (), forms: list[str] = ("desktop", "mobile"), runs: int = 1) -> None:
    """Measure and print, with the targets missed (`make bench` calls this)."""
    if runs > 1:
        print(f"each row: the median of {runs} runs")
    missed = measure(site, list(names), list(forms), runs)
    print("Lighthouse targets (desktop performance >= 0.95, mobile >= 0.80, accessibility, best practices"
          " and SEO 1.00): " + ("all met" if not missed else f"{len(missed)} MISSED\n  " + "\n  ".join(missed)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", help="pages to measure, e.g. home optimizers (default: every content page)")
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--form", choices=("desktop", "mobile"), action="append", help="default: both")
    parser.add_argument("--runs", type=int, default=1, help="runs per page and form; the median run is reported")
    args = parser.parse_args()
    forms = args.form or ["desktop", "mobile"]
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
                           cwd=ROOT, check=True, capture_output=True)
        report(site, args.pages, forms, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())

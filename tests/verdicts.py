"""Passing verdicts of slow checks, kept by the exact bytes they judged.

A browser check of a built page (axe over every element, say) gives the same answer
for the same page, stylesheets, scripts, fonts, browser and check: so once it has
passed, a later run with the very same inputs reuses the verdict, the way Bazel
reports a test whose inputs did not change as "cached PASSED". Any changed byte
(a page, a colour in site.css, the axe version, the Chromium version, the test's
own code) gives a new key, and the check runs. Failures are never kept.

The verdicts live in .cache/verdicts/ (ignored by git; `make clean` drops them).
`FRESH=1 make test` runs every check regardless, as a fresh clone does.
"""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STORE = ROOT / ".cache" / "verdicts"
REUSE = os.environ.get("FRESH", "") in ("", "0")


def digest(*parts: bytes | str | Path) -> str:
    """One key for several inputs: bytes as they are, a path by its contents."""
    h = hashlib.sha256()
    for part in parts:
        data = part.read_bytes() if isinstance(part, Path) else part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


@functools.cache
def site_assets(site: Path) -> str:
    """Everything a built page loads besides its own HTML: stylesheets, scripts, fonts,
    figures (other pages' HTML and the search index are not drawn on a page)."""
    files = sorted(p for p in site.rglob("*") if p.is_file() and p.suffix not in {".html", ".ipynb", ".json", ".xml", ".gz"})
    return digest(*(str(p.relative_to(site)) for p in files), *files)


def passed(check: str, key: str) -> bool:
    return REUSE and (STORE / check / key).exists()


def record(check: str, key: str) -> None:
    (STORE / check).mkdir(parents=True, exist_ok=True)
    (STORE / check / key).touch()

"""MkDocs hook: `make serve` (`mkdocs serve --dirty`) rebuilds a page when anything it
shows changed, not only its own Markdown.

A dirty build rebuilds only pages whose source is newer than their HTML, which is
what makes an edit show in about a second. A page also shows its snippets, and the
API reference shows the `plots` sources; the configuration and the hooks shape
every page. When one of those is newer than a page's HTML, the page is rebuilt too.
A full build (`make build`, the tests) rebuilds everything anyway.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make `hooks` importable

from hooks.checks import SNIPPETS, includes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SHAPES_EVERY_PAGE = [ROOT / "mkdocs.yml", *(ROOT / "hooks").glob("*.py")]
PLOTS = list((ROOT / "plots").rglob("*.py"))


def _inputs(path: Path) -> list[Path]:
    """What a page shows besides its own source."""
    if path.suffix != ".md":
        return SHAPES_EVERY_PAGE
    markdown = path.read_text(encoding="utf-8")
    shown = [SNIPPETS / name for _, name in includes(markdown)]
    return SHAPES_EVERY_PAGE + shown + (PLOTS if "\n::: " in markdown else [])


def on_files(files, config):
    for file in files.documentation_pages():
        if not os.path.isfile(file.abs_dest_path):
            continue  # not built yet: MkDocs builds it anyway
        built = os.path.getmtime(file.abs_dest_path)
        if any(path.is_file() and path.stat().st_mtime > built for path in _inputs(Path(file.abs_src_path))):
            file.is_modified = lambda: True
    return files

"""MkDocs hook: render the figures (only those whose inputs changed) and hand them to MkDocs.

Figures are rendered into `.cache/figures/`, outside `docs/`, so `mkdocs serve`
never sees its own output as an edit and never rebuilds in a loop.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.structure.files import File

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make `plots` importable

from plots import build  # noqa: E402

log = logging.getLogger("mkdocs.hooks.figures")


def on_files(files, config):
    for name in build.render(build.CACHE, log=log.info):
        files.append(File.generated(config, f"figures/{name}.svg", abs_src_path=str(build.CACHE / f"{name}.svg")))
    return files

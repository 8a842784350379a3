"""MkDocs hook: contributor mistakes fail the build with the file and line to fix.

MkDocs itself reports dead links, anchors and pages left out of the nav; this hook
adds what it cannot know: snippet includes, figures and snippets nobody uses.
Each check is a plain function so the tests can feed it bad input directly.
"""

from __future__ import annotations

import logging
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make `plots` importable

from plots import build  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+)"\s*$')
FIGURE = re.compile(r"\]\(((?:\.\./)*figures/([\w/.-]+?)\.svg)\)")
log = logging.getLogger("mkdocs.hooks.checks")


def includes(markdown: str) -> list[tuple[int, str]]:
    """`(line, snippet path)` of every `--8<-- "path"` line."""
    return [(number, m.group(1)) for number, line in enumerate(markdown.splitlines(), 1) if (m := INCLUDE.match(line))]


def missing_snippets(page: str, markdown: str, base: Path = SNIPPETS) -> list[str]:
    return [
        f"{page}:{line}: snippet {path!r} does not exist (looked in {base.relative_to(ROOT)}/)"
        for line, path in includes(markdown)
        if not (base / path).is_file()
    ]


def figure_links(markdown: str) -> list[tuple[int, str]]:
    """`(line, figure name)` of every link to `figures/<name>.svg`."""
    return [
        (number, m.group(2)) for number, line in enumerate(markdown.splitlines(), 1) for m in FIGURE.finditer(line)
    ]


def missing_figures(page: str, markdown: str, declared: set[str]) -> list[str]:
    return [
        f"{page}:{line}: figure 'figures/{name}.svg' is not generated: declare it in a plots/families module"
        for line, name in figure_links(markdown)
        if name not in declared
    ]


def unused(kind: str, available: set[str], used: set[str]) -> list[str]:
    return [f"{kind} {name} is not used by any page: link it from a page or delete it" for name in sorted(available - used)]


def snippet_files(base: Path = SNIPPETS) -> set[str]:
    return {path.relative_to(base).as_posix() for path in base.rglob("*.py")}


_used_figures: set[str] = set()
_used_snippets: set[str] = set()


def on_pre_build(config):
    _used_figures.clear()
    _used_snippets.clear()


def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    errors = missing_snippets(where, markdown)
    if errors:  # pymdownx.snippets would stop the build without naming the page
        raise PluginError("\n".join(errors))
    for message in missing_figures(where, markdown, {fig.name for fig in build.all_figures()}):
        log.warning(message)
    _used_figures.update(name for _, name in figure_links(markdown))
    _used_snippets.update(path for _, path in includes(markdown))
    return markdown


def on_post_build(config):
    # A partial build (serve --dirty) does not see every page.
    if len(_used_snippets) or len(_used_figures):
        for message in unused("figure", {fig.name for fig in build.all_figures()}, _used_figures):
            log.warning(message)
        for message in unused("snippet", snippet_files(), _used_snippets):
            log.warning(message)

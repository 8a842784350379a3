"""MkDocs hook: contributor mistakes fail the build with the file and line to fix.

MkDocs itself reports pages left out of the nav, and dead links without a line
number; this hook adds the line, and what MkDocs cannot know: snippet includes,
figures, and snippets or figures no page uses. Each check is a plain function so
the tests can feed it bad input directly.
"""

from __future__ import annotations

import logging
import posixpath
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
LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
ID = re.compile(r'\sid="([^"]+)"')
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


def prose_lines(markdown: str) -> list[tuple[int, str]]:
    """`(line, text)` outside fenced code, with inline code blanked out."""
    result, fence = [], None
    for number, line in enumerate(markdown.splitlines(), 1):
        stripped = line.lstrip()
        if stripped.startswith("```"):
            ticks = len(stripped) - len(stripped.lstrip("`"))
            fence = None if fence is not None and ticks >= fence else (fence if fence is not None else ticks)
            continue
        if fence is None:
            result.append((number, re.sub(r"`[^`]*`", "", line)))
    return result


def internal_links(markdown: str) -> list[tuple[int, str]]:
    """`(line, target)` of every link to another page or an anchor."""
    return [
        (number, m.group(1))
        for number, line in prose_lines(markdown)
        for m in LINK.finditer(line)
        if not re.match(r"[a-z]+:", m.group(1)) and not m.group(1).endswith(".svg")
    ]


def broken_links(page: str, src_uri: str, markdown: str, ids: dict[str, set[str] | None]) -> list[str]:
    """Links from `src_uri` to a page or anchor that does not exist; `ids` maps each page
    to its ids (None: not rendered in this build)."""
    errors = []
    for line, target in internal_links(markdown):
        path, _, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path)) if path else src_uri
        if resolved not in ids:
            errors.append(f"{page}:{line}: link {target!r} points to docs/{resolved}, which is not a page")
        elif anchor and ids[resolved] is not None and anchor not in ids[resolved]:
            errors.append(f"{page}:{line}: link {target!r}: docs/{resolved} has no heading or id {anchor!r}")
    return errors


def snippet_files(base: Path = SNIPPETS) -> set[str]:
    return {path.relative_to(base).as_posix() for path in base.rglob("*.py")}


_used_figures: set[str] = set()
_used_snippets: set[str] = set()
_markdown: dict[str, str] = {}
_all_pages: set[str] = set()


def on_pre_build(config):
    _used_figures.clear()
    _used_snippets.clear()
    _markdown.clear()


def on_page_markdown(markdown, page, config, files):
    where = f"docs/{page.file.src_uri}"
    errors = missing_snippets(where, markdown)
    if errors:  # pymdownx.snippets would stop the build without naming the page
        raise PluginError("\n".join(errors))
    for message in missing_figures(where, markdown, {fig.name for fig in build.all_figures()}):
        log.warning(message)
    _used_figures.update(name for _, name in figure_links(markdown))
    _used_snippets.update(path for _, path in includes(markdown))
    _markdown[page.file.src_uri] = markdown
    return markdown


def on_env(env, config, files):
    # Every page is rendered by now, so every heading id is known; a dirty build
    # (`make serve`) renders only the edited pages: the others' ids are unknown.
    _all_pages.clear()
    _all_pages.update(f.src_uri for f in files.documentation_pages())
    ids = {f.src_uri: None if f.page.content is None else set(ID.findall(f.page.content))
           for f in files.documentation_pages() if f.page}
    for src_uri, markdown in _markdown.items():
        for message in broken_links(f"docs/{src_uri}", src_uri, markdown, ids):
            log.warning(message)
    return env


def on_post_build(config):
    # A partial build (serve --dirty) does not see every page.
    if set(_markdown) >= _all_pages:
        for message in unused("figure", {fig.name for fig in build.all_figures()}, _used_figures):
            log.warning(message)
        for message in unused("snippet", snippet_files(), _used_snippets):
            log.warning(message)

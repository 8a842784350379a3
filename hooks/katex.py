"""MkDocs hook: typeset math at build time with KaTeX, so pages need no script or CDN.

`pymdownx.arithmatex` (generic mode) wraps each formula in a span or div; this hook
replaces those with KaTeX's HTML and ships KaTeX's stylesheet and fonts from
`node_modules/katex` under `assets/katex/`. An invalid formula fails the build
with the page and line it is on.

KaTeX renders HTML only, without its MathML copy (a third of a math-heavy page's
elements); screen readers get each formula's TeX as its accessible name instead.
Formulas are typeset after the search plugin has indexed the page, so the index
holds each formula's TeX once rather than KaTeX's glyphs.
"""

from __future__ import annotations

import atexit
import html
import json
import re
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "node_modules" / "katex" / "dist"
_MATH = re.compile(r'<(span|div) class="arithmatex">\\[(\[](.*?)\\[)\]]</\1>', re.S)
_rendered: dict[tuple[str, bool], str] = {}  # survives serve rebuilds
_process: subprocess.Popen | None = None


def _katex(tex: str, display: bool) -> str:
    global _process
    if (tex, display) not in _rendered:
        if _process is None:
            if not DIST.is_dir():
                raise PluginError(f"KaTeX is not installed in {DIST.parent}: run `make install`")
            _process = subprocess.Popen(
                ["node", str(Path(__file__).with_name("katex.js"))],
                cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            )
            atexit.register(_process.kill)
        _process.stdin.write(json.dumps({"tex": tex, "display": display}) + "\n")
        _process.stdin.flush()
        answer = json.loads(_process.stdout.readline())
        if "error" in answer:
            raise ValueError(answer["error"])
        name = html.escape(tex.strip(), quote=True)
        _rendered[tex, display] = answer["html"].replace(
            '<span class="katex">', f'<span class="katex" role="math" aria-label="{name}">', 1
        )
    return _rendered[tex, display]


def _line_of(tex: str, markdown: str) -> int:
    """Best-effort page line of a formula, for error messages."""
    first = tex.strip().splitlines()[0] if tex.strip() else tex
    index = markdown.find(first)
    return markdown.count("\n", 0, index) + 1 if index >= 0 else 0


@event_priority(-100)  # after the search plugin's on_page_context
def on_page_context(context, page, config, nav):
    def replace(match: re.Match) -> str:
        tex = html.unescape(match.group(2))
        display = match.group(1) == "div"
        try:
            return _katex(tex, display)
        except ValueError as err:
            where = f"docs/{page.file.src_uri}:{_line_of(tex, page.markdown or '')}"
            raise PluginError(f"{where}: KaTeX cannot typeset {tex.strip()!r}: {err}") from None

    page.content = _MATH.sub(replace, page.content)
    return context


def on_files(files, config):
    for path in sorted(DIST.glob("katex.min.css")) + sorted((DIST / "fonts").glob("*.woff2")):
        uri = f"assets/katex/{path.relative_to(DIST).as_posix()}"
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files

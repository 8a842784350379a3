"""MkDocs hook: typeset math at build time as MathML, so pages need no script or CDN.

`pymdownx.arithmatex` (generic mode) wraps each formula in a span or div; this hook
replaces each with the `<math>` element KaTeX makes of it, which the browser draws
with an OpenType math font: STIX Two Math (npm), cut down after the build to the
characters the formulas use (23 KB rather than 400) and written to
`assets/fonts/stix-two-math.woff`. An invalid formula fails the build with the page
and line it is on.

Why MathML rather than KaTeX's HTML: the HTML needs about three times as many elements
(half of a math-heavy page's DOM, and most of its style and layout time on a phone),
a stylesheet and a dozen fonts; MathML is what screen readers read, natively.
Formulas are typeset after the search plugin has indexed the page, so the index
holds each formula's TeX once rather than rendered glyphs.
"""

from __future__ import annotations

import atexit
import html
import json
import re
import subprocess
from pathlib import Path

from fontTools import subset
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

ROOT = Path(__file__).resolve().parent.parent
KATEX = ROOT / "node_modules" / "katex"
MATH_FONT = ROOT / "node_modules" / "@fontsource" / "stix-two-math" / "files" / "stix-two-math-latin-400-normal.woff"
# Glyphs the browser draws for an element without the character being in the text.
IMPLIED = {"msqrt": "√", "mroot": "√"}
_MATH = re.compile(r'<(span|div) class="arithmatex">\\[(\[](.*?)\\[)\]]</\1>', re.S)
_rendered: dict[tuple[str, bool], str] = {}  # survives serve rebuilds
_process: subprocess.Popen | None = None


def _katex(tex: str, display: bool) -> str:
    global _process
    if (tex, display) not in _rendered:
        if _process is None:
            if not KATEX.is_dir():
                raise PluginError(f"KaTeX is not installed in {KATEX}: run `make install`")
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
        _rendered[tex, display] = answer["html"]
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


def on_post_build(config):
    """The math font with the glyphs of every formula typeset (under `mkdocs serve`,
    of every formula typeset since it started, so pages not rebuilt keep theirs)."""
    if not MATH_FONT.is_file():
        raise PluginError(f"the math font {MATH_FONT} is missing: run `make install`")
    text = html.unescape(re.sub(r"<[^>]*>", "", "".join(_rendered.values())))
    text += "".join(sign for element, sign in IMPLIED.items() if any(f"<{element}>" in m for m in _rendered.values()))
    options = subset.Options(layout_features=["*"], flavor="woff")  # zlib: no brotli needed
    font = subset.load_font(str(MATH_FONT), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)  # the MATH table's size variants and parts come along
    subsetter.subset(font)
    out = Path(config.site_dir) / "assets" / "fonts" / "stix-two-math.woff"
    out.parent.mkdir(parents=True, exist_ok=True)
    subset.save_font(font, str(out), options)

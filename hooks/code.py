"""MkDocs hook: lighter code blocks.

Pygments wraps every name and every run of whitespace in a span of its own (classes
`n` and `w`), and Material colours both exactly like the code around them. Unwrapped,
they look the same and a code-heavy page has a sixth fewer elements to style and lay out.

Each block of code that does not wrap also says how many lines it has and whether it has
a title (`--lines`, `--title`): site.css skips laying out the blocks the reader has not
reached yet and reserves their exact height meanwhile, so nothing moves when they are drawn.
"""

from __future__ import annotations

import html
import re

_PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')
# Output blocks (language-text) wrap their lines, so their height depends on the screen.
_BLOCK = re.compile(r'<div class="(language-(?!text\b)[\w+-]+ highlight)">(<span class="filename">[^<]*</span>)?(<pre\b.*?</code></pre>)', re.S)


def _sized(match: re.Match) -> str:
    code = html.unescape(re.sub(r"<[^>]*>", "", match.group(3)))
    lines = code.rstrip("\n").count("\n") + 1
    title = 1 if match.group(2) else 0
    return f'<div class="{match.group(1)}" style="--lines: {lines}; --title: {title}">{match.group(2) or ""}{match.group(3)}'


def on_post_page(output: str, page, config) -> str:
    return _BLOCK.sub(_sized, _PLAIN_TOKEN.sub(r"\1", output))

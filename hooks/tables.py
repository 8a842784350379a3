"""MkDocs hook: each table sits in a box of its own, drawn only as the reader nears it.

As the page starts, Material moves every plain table into a scrolling wrapper, and a
moved table is styled and laid out again, every cell and formula of it. Two costs follow:

- Moved straight out of the article, a table takes the whole article with it: rules that
  depend on an element's neighbours (`table + *`, and the browser's own `:nth-child` rules
  for MathML) restyle its thousands of elements (optimizers: 3,904). Inside a box of its
  own, only the table is restyled.
- The box has `content-visibility: auto` (site.css): a table off screen is neither styled
  nor laid out, so Material's move costs nothing there. Lighthouse's mobile blocking time,
  3 runs each: losses 516-682 ms before, 169-219 ms after; nn 384-710, 120-337. Until it
  is drawn, the box holds a height for its rows (`--rows`), then its real one.
"""

from __future__ import annotations

import re

# Material wraps `table:not([class])`: the plain tables Markdown writes.
_TABLE = re.compile(r"<table>.*?</table>", re.S)


def boxed(match: re.Match) -> str:
    table = match.group(0)
    return f'<div class="table-box" style="--rows: {table.count("<tr")}">{table}</div>'


def on_post_page(output: str, page, config) -> str:
    return _TABLE.sub(boxed, output)

"""MkDocs hook: each table sits in a `<div>` of its own.

As the page starts, Material moves every plain table into a scrolling wrapper. Moved
straight out of the article, a table takes the whole article with it: rules that depend
on an element's neighbours (`table + *`, and the browser's own `:nth-child` rules for
MathML) restyle every one of its thousands of elements (optimizers: 3,904 of them, the
largest style update after the first paint). Inside a `<div>` of its own, only the table
is restyled. The `<div>` has no style, so the page looks the same.
"""

from __future__ import annotations

import re

# Material wraps `table:not([class])`: the plain tables Markdown writes.
_TABLE = re.compile(r"<table>.*?</table>", re.S)


def on_post_page(output: str, page, config) -> str:
    return _TABLE.sub(lambda match: f"<div>{match.group(0)}</div>", output)

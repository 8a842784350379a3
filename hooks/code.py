"""MkDocs hook: lighter code blocks, with their copy buttons already in the page.

Pygments wraps every name, every run of whitespace and every bracket or comma in a span
of its own (classes `n`, `w` and `p`). Material colours names and whitespace exactly like
the code around them, and site.css gives punctuation the code's colour too, as GitHub and
VS Code draw it. Unwrapped, they look the same (tests/test_browser.py), and pages have
fewer elements to style and lay out: punctuation alone was 12-24% of the elements of the
code-heavy pages (tensors: 3,320 before, 2,513 after).

Material's `content.code.copy` inserts each block's copy button when the page starts,
then reads the block's size: one insertion and one forced style and layout per block.
The same button, written here, costs nothing at start-up. With it (and the head's URLs
made absolute, overrides/main.html), Lighthouse's mobile blocking time on
activations/smooth and optimizers fell from 1.2-1.6 s to 0.33-0.41 s. Material's
clipboard handler (set up whatever the features) serves any `[data-clipboard-target]`;
the target is the code's own id, because Material renames each `pre` as it mounts it.
"""

from __future__ import annotations

import itertools
import re

# Token classes drawn in the code's own colour: their spans change nothing on screen.
PLAIN_TOKENS = ("n", "w", "p")
_PLAIN_TOKEN = re.compile(rf'<span class="[{"".join(PLAIN_TOKENS)}]">([^<]*)</span>')
# Every `pre > code`, Material's selector for the blocks it gives a copy button.
_CODE = re.compile(r"(<pre\b[^>]*>(?:<span></span>)?)<code>")
# Material's markup for the button (its `renderClipboardButton`) and title (`clipboard.copy`).
_BUTTON = ('<nav class="md-code__nav"><button class="md-code__button" title="Copy to clipboard" '
           'data-clipboard-target="#{id}" data-md-type="copy"></button></nav>')


def with_copy_buttons(html: str) -> str:
    numbers = itertools.count(1)

    def button(match: re.Match) -> str:
        code_id = f"__code-{next(numbers)}"
        return f'{match.group(1)}{_BUTTON.format(id=code_id)}<code id="{code_id}">'

    return _CODE.sub(button, html)


def on_post_page(output: str, page, config) -> str:
    return with_copy_buttons(_PLAIN_TOKEN.sub(r"\1", output))

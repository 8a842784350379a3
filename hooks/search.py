"""MkDocs hook: in search, a section headed by a code name (`CrossEntropyLoss`,
`torch.inference_mode`, `zero_grad`) is that name's home and ranks above sections
that only mention it.

Material's search scores a title match the same whatever the title's length, so
"LogSoftmax with NLLLoss, or CrossEntropyLoss" tied with "CrossEntropyLoss" and the
section mentioning the name more often won. Each index entry may carry a `boost`
(the field Material fills from a page's `search.boost`); this sets it per section.
"""

from __future__ import annotations

import re

from mkdocs.plugins import event_priority

# One token with a capital inside, a run of capitals, `_` or `.`: a code name, not a word.
CODE_NAME = re.compile(r"^(?=.*(?:[a-z][A-Z]|[A-Z]{2}|_|\.))[\w.]+$")
BOOST = 1.1  # enough to break a tie between titles, too little to lift a mere mention


@event_priority(-100)  # after the search plugin has indexed the page
def on_page_context(context, page, config, nav):
    search = config.plugins.get("material/search")
    if search is None:
        return context
    for entry in reversed(search.search_index.entries):  # this page's entries are the last ones
        where, _, section = entry["location"].partition("#")
        if where != page.url:
            break
        if section and CODE_NAME.match(entry["title"]):
            entry.setdefault("boost", BOOST)
    return context

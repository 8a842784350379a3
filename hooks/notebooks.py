"""MkDocs hook: notebook pages load nothing from the internet.

nbconvert's template, which mkdocs-jupyter uses, adds a MathJax loader (with an
empty URL here) and a module that imports mermaid from a CDN when a notebook
has diagrams. Our notebooks have neither math nor diagrams, and the site loads
nothing remote, so both are removed.
"""

from __future__ import annotations

import re

_REMOTE_LOADERS = [
    re.compile(r'<script src="">\s*</script>'),
    re.compile(r"<!-- MathJax configuration -->.*?<!-- End of mathjax configuration -->", re.S),
    re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S),
]


def on_post_page(output, page, config):
    if page.file.src_uri.endswith(".ipynb"):
        for pattern in _REMOTE_LOADERS:
            output = pattern.sub("", output)
    return output

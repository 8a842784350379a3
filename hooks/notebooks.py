"""MkDocs hook: notebook pages draw their figures inline and load nothing from the internet.

mkdocs-jupyter executes each notebook in a kernel started from the build process,
which inherits the build's environment; two settings are fixed for it:
- MPLBACKEND unset: `make` exports MPLBACKEND=Agg (for figures and tests), and
  ipykernel only selects matplotlib's inline backend when it is unset, so the
  kernel would draw nothing;
- OMP_NUM_THREADS=1, as in the test runner: these small models run several times
  faster on one thread than on two threads competing with the rest of the build.

Math in Markdown cells is typeset at build time like on every other page: this
hook wraps each `$...$` and `$$...$$` the way pymdownx.arithmatex does, and
hooks/katex.py (listed after this hook) turns them into KaTeX HTML. So the
MathJax loader nbconvert's template adds (with an empty URL here) is removed,
and so is the module that imports mermaid from a CDN: the site loads nothing
remote.

The template also inlines JupyterLab's stylesheet (about 570 KB) into every notebook
page; it is written once as a shared file and linked instead, so a notebook page
weighs what its notebook does.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

KERNEL_ENVIRONMENT = {"MPLBACKEND": None, "OMP_NUM_THREADS": "1"}  # None: unset
_REMOTE_LOADERS = [
    re.compile(r'<script src="">\s*</script>'),
    re.compile(r"<!-- MathJax configuration -->.*?<!-- End of mathjax configuration -->", re.S),
    re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S),
]


def _is_notebook(page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def _set_environment(values: dict[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def on_pre_page(page, config, files):
    if _is_notebook(page):
        render = page.render  # mkdocs-jupyter's, which executes the notebook

        def render_in_kernel_environment(*args, **kwargs):
            saved = {name: os.environ.get(name) for name in KERNEL_ENVIRONMENT}
            _set_environment(KERNEL_ENVIRONMENT)
            try:
                return render(*args, **kwargs)
            finally:
                _set_environment(saved)

        page.render = render_in_kernel_environment
    return page


_MARKDOWN_CELL = re.compile(r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^>]*>)(.*?)(</div>)', re.S)
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
_INLINE_MATH = re.compile(r"(?<![\\$])\$([^$\n]+?)\$")


def _arithmatex(markdown_html: str) -> str:
    markdown_html = _DISPLAY_MATH.sub(r'<div class="arithmatex">\\[\1\\]</div>', markdown_html)
    return _INLINE_MATH.sub(r'<span class="arithmatex">\\(\1\\)</span>', markdown_html)


def on_page_content(html, page, config, files):
    if _is_notebook(page):
        html = _MARKDOWN_CELL.sub(lambda m: m.group(1) + _arithmatex(m.group(2)) + m.group(3), html)
    return html


STYLESHEET = "assets/jupyter-notebook.css"
_JUPYTERLAB_STYLE = re.compile(r'<style type="text/css">\s*(@charset "UTF-8";\.jupyter-wrapper\{.*?)</style>', re.S)
_stylesheet: dict[str, str] = {}  # the one JupyterLab stylesheet, from the pages of this build


def _share_stylesheet(output: str, page) -> str:
    def link(match: re.Match) -> str:
        if _stylesheet.setdefault("css", match.group(1)) != match.group(1):
            raise PluginError(f"docs/{page.file.src_uri}: its notebook stylesheet differs from the other notebook pages'")
        href = posixpath.relpath(STYLESHEET, posixpath.dirname(page.file.dest_uri))
        return f'<link rel="stylesheet" href="{href}">'

    return _JUPYTERLAB_STYLE.sub(link, output)


def on_pre_build(config):
    _stylesheet.clear()


def on_post_page(output, page, config):
    if _is_notebook(page):
        for pattern in _REMOTE_LOADERS:
            output = pattern.sub("", output)
        output = _share_stylesheet(output, page)
    return output


def on_post_build(config):
    if "css" in _stylesheet:
        target = Path(config["site_dir"]) / STYLESHEET
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_stylesheet["css"], encoding="utf-8")

"""MkDocs hook: every page with Python code can be downloaded as a Jupyter notebook.

The notebook is built from the same page model the tests run (`tests.codeblocks.page_parts`):
the prose becomes Markdown cells (math stays TeX, figures are embedded as SVG data URLs,
links point at the site), each Python block a code cell, and the output the page shows
under a block becomes that cell's output. The tests prove those outputs equal what the
code prints, so nothing is executed here. Notebooks are generated into the site only,
never into docs/. A page the converter cannot represent fails the build with its line.
"""

from __future__ import annotations

import base64
import html
import posixpath
import re
import sys
from pathlib import Path

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # make `plots` and `tests` importable

from plots import build  # noqa: E402
from tests import codeblocks  # noqa: E402

DOCS = codeblocks.DOCS
LINK_TEXT = "Download as a notebook"
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")
_LINK = re.compile(r"(?<!!)(\[[^\[\]]*\])\(([^)\s]+)\)")  # no brackets inside: `$[a, b)$ ... ![x](y)` is no link
_CONTAINER = re.compile(r'^(!!!|\?\?\?\+?|===)\s*(\w*)\s*(?:"([^"]*)")?\s*$')  # admonition or content tab
_ARTICLE_TITLE = re.compile(r'(<article class="md-content__inner md-typeset">.*?</h1>)', re.S)


def _page_path(docs_path: str) -> str:
    """A page's folder in the site (directory URLs): `nn/index.md` -> `nn`, `autograd.md` -> `autograd`."""
    folder, name = posixpath.split(posixpath.splitext(docs_path)[0])
    return folder if name == "index" else posixpath.join(folder, name)


def notebook_uri(src_uri: str) -> str:
    """Where a page's notebook lands in the site: next to the page, named after it."""
    folder = _page_path(src_uri)
    return posixpath.join(folder, f"{posixpath.basename(folder) or 'pytorch-notes'}.ipynb")


def _page_url(docs_path: str) -> str:
    """A docs/ file's address relative to the site root."""
    folder = _page_path(docs_path)
    return f"{folder}/" if folder else ""


def _line(page_text: str, fragment: str) -> int:
    index = page_text.find(fragment)
    return page_text.count("\n", 0, index) + 1 if index >= 0 else 0


def _containers_as_quotes(markdown: str) -> str:
    """Material's admonitions become block quotes and its content tabs bold titles, which
    Jupyter renders; their indented bodies are dedented."""
    lines = markdown.split("\n")
    out, mode = [], None  # mode: None, "quote" or "tab"
    for index, line in enumerate(lines):
        if match := _CONTAINER.match(line):
            mode = "tab" if match.group(1) == "===" else "quote"
            title = f"**{match.group(3) or match.group(2).capitalize()}**"
            out.append(f"> {title}" if mode == "quote" else title)
            continue
        if mode and not line.strip():
            following = next((later for later in lines[index + 1:] if later.strip()), "")
            if following.startswith("    "):
                out.append(">" if mode == "quote" else "")
                continue
            mode = None
        if mode and line.startswith("    "):
            out.append(("> " if mode == "quote" else "") + line[4:])
            continue
        mode = None
        out.append(line)
    return "\n".join(out).strip("\n")


class _Prose:
    """Turns a page's prose into notebook Markdown that works outside the site."""

    def __init__(self, page: str, page_text: str, site_url: str, figures: Path):
        self.page, self.page_text, self.site_url, self.figures = page, page_text, site_url, figures
        self.folder = posixpath.dirname(page.removeprefix("docs/"))

    def _target(self, link: str) -> str:
        return posixpath.normpath(posixpath.join(self.folder, link))

    def cell(self, markdown: str):
        def embed(match: re.Match) -> str:
            """An <img> with a data URL: JupyterLab refuses SVG cell attachments (jupyterlab#10464)."""
            alt, link = match.groups()
            target = self._target(link)
            path = self.figures / target.removeprefix("figures/") if target.startswith("figures/") else DOCS / target
            if not target.endswith(".svg") or not path.is_file():
                raise codeblocks.PageError(f"{self.page}:{_line(self.page_text, link)}: image {link!r} cannot be embedded "
                                           f"in the notebook ({path} is not a rendered SVG)")
            data = base64.b64encode(path.read_bytes()).decode()
            return f'<img src="data:image/svg+xml;base64,{data}" alt="{html.escape(alt)}">'

        def absolute(match: re.Match) -> str:
            text, link = match.groups()
            if re.match(r"[a-z]+:", link):
                return match.group(0)
            path, _, anchor = link.partition("#")
            url = self.site_url + _page_url(self._target(path) if path else self.page.removeprefix("docs/"))
            return f"{text}({url}{'#' + anchor if anchor else ''})"

        return new_markdown_cell(_IMAGE.sub(embed, _LINK.sub(absolute, _containers_as_quotes(markdown))))


def page_notebook(path: Path, site_url: str, figures: Path = build.CACHE) -> nbformat.NotebookNode:
    """The notebook of a Markdown page: its prose, its blocks (snippets expanded) and the
    outputs it shows, in page order."""
    page = path.relative_to(codeblocks.ROOT).as_posix()
    text = path.read_text(encoding="utf-8")
    source_lines = text.split("\n")
    prose = _Prose(page, text, site_url, figures)
    url = site_url + _page_url(page.removeprefix("docs/"))
    cells = [new_markdown_cell(
        f"*This notebook is the page {url} of PyTorch Notes. The outputs shown are the page's, "
        "which the site's tests check against what the code prints; run all cells to see them again.*"
    )]
    for part in codeblocks.page_parts(path):
        if isinstance(part, str):
            if part.strip():
                cells.append(prose.cell(part))
            continue
        if source_lines[part.line - 1].startswith((" ", "\t")):
            raise codeblocks.PageError(f"{page}:{part.line}: a code block inside an admonition, tab or list "
                                       "cannot become a notebook cell: move it to the top level")
        cell = new_code_cell(part.code.rstrip("\n"))
        if part.expected is not None:
            cell.outputs = [new_output("stream", name="stdout", text=part.expected)]
        cells.append(cell)
    for number, cell in enumerate(cells, 1):
        cell.id = f"cell-{number}"  # fixed ids: two builds give the same bytes
    notebook = new_notebook(cells=cells, metadata={
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    })
    nbformat.validate(notebook)
    return notebook


def notebook_text(notebook: nbformat.NotebookNode) -> str:
    """The file as served: nbformat's JSON (sorted keys), ending in a newline."""
    return nbformat.writes(notebook) + "\n"


_notebooks: set[str] = set()  # pages (src_uri) that have a notebook in this build


def on_files(files, config):
    """Runs after hooks/figures.py, so the figures to embed are rendered."""
    _notebooks.clear()
    for file in [f for f in files.documentation_pages() if f.src_uri.endswith(".md")]:
        try:
            notebook = page_notebook(Path(file.abs_src_path), config["site_url"] or "")
        except codeblocks.PageError as err:
            raise PluginError(f"cannot turn the page into a notebook: {err}") from None
        if any(cell.cell_type == "code" for cell in notebook.cells):  # pages without code get no notebook
            files.append(File.generated(config, notebook_uri(file.src_uri), content=notebook_text(notebook)))
            _notebooks.add(file.src_uri)
    return files


def on_post_page(output, page, config):
    """A link to the page's notebook under the page title."""
    if page.file.src_uri not in _notebooks:
        return output
    href = posixpath.relpath(notebook_uri(page.file.src_uri), posixpath.dirname(page.file.dest_uri))
    link = f'<p class="page-notebook"><a href="{href}" download>{LINK_TEXT}</a></p>'
    output, found = _ARTICLE_TITLE.subn(lambda m: m.group(1) + link, output, count=1)
    if not found:
        raise PluginError(f"docs/{page.file.src_uri}: no page title (# heading) to put the notebook link under")
    return output

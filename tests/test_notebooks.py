"""Notebooks: the walkthroughs are stored clean, and every page's download is the page.

The walkthroughs' code cells run with every other code block (tests/test_codeblocks.py);
here: they carry no outputs in git, each page's generated notebook holds exactly the
page's blocks and shown outputs, one of them runs in a real Jupyter kernel and prints
those outputs again, and the site links each page to its notebook.
"""

from __future__ import annotations

import base64
import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from hooks import page_notebooks
from plots import build
from tests import codeblocks
from tests.test_browser import Tab, base_url, browser  # noqa: F401 - fixtures for the link check

ROOT = codeblocks.ROOT
WALKTHROUGHS = sorted((ROOT / "docs" / "notebooks").glob("*.ipynb"))
PAGES = [p for p in codeblocks.pages() if p.suffix == ".md" and codeblocks.page_blocks(p)]
SITE_URL = "https://example.org/notes/"
RUN_IN_KERNEL = ["docs/autograd.md"]  # small and quick; the others run in tests/test_codeblocks.py


def test_pages_with_code_are_found():
    assert len(PAGES) > 20 and ROOT / "docs" / "tensors.md" in PAGES


@pytest.mark.parametrize("path", WALKTHROUGHS, ids=lambda p: p.name)
def test_walkthrough_is_stored_without_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    dirty = [f"{path.relative_to(ROOT)}: cell {n}" for n, cell in enumerate(notebook.cells, 1)
             if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)]
    assert not dirty, "clear the outputs before committing (Jupyter: Edit > Clear Outputs of All Cells):\n" + "\n".join(dirty)


@pytest.fixture(scope="session")
def figures() -> Path:
    """The rendered figures the notebooks embed (a warm cache renders nothing)."""
    build.render(build.CACHE, log=lambda message: None)
    return build.CACHE


def _code_cells(notebook) -> list:
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def _stdout(cell) -> str | None:
    streams = [o for o in cell.outputs if o.output_type == "stream" and o.name == "stdout"]
    return "".join(o.text for o in streams) if streams else None


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_page_notebook_is_the_page(path, figures):
    """Code cells are the page's blocks in order, outputs the ones it shows, figures embedded."""
    page = path.relative_to(ROOT).as_posix()
    notebook = page_notebooks.page_notebook(path, SITE_URL, figures)
    blocks = codeblocks.page_blocks(path)
    cells = _code_cells(notebook)
    assert [c.source for c in cells] == [b.code.rstrip("\n") for b in blocks], f"{page}: code cells differ from its blocks"
    for number, (cell, block) in enumerate(zip(cells, blocks), 1):
        assert _stdout(cell) == block.expected, f"{page}: code cell {number} ({block.where}) shows other output than the page"
        assert cell.execution_count is None and len(cell.outputs) == (block.expected is not None)
    prose = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    shown = re.findall(r"!\[[^\]]*\]\((?:\.\./)*figures/([\w/.-]+\.svg)\)", path.read_text(encoding="utf-8"))
    embedded = [base64.b64decode(data) for data in re.findall(r'<img src="data:image/svg\+xml;base64,([^"]+)"', prose)]
    assert embedded == [(figures / figure).read_bytes() for figure in shown], f"{page}: the notebook does not embed the page's figures"
    assert not re.search(r"\]\((?![a-z]+:)[^)]*\.md\b", prose), f"{page}: a link in the notebook still points at a .md file"
    assert page_notebooks.notebook_text(notebook) == page_notebooks.notebook_text(page_notebooks.page_notebook(path, SITE_URL, figures)), \
        f"{page}: two conversions give different notebooks"


@pytest.fixture
def scratch_page():
    """A page under the repository (the page model wants that), outside docs/, removed afterwards."""
    folder = ROOT / ".cache" / "notebook-test"
    folder.mkdir(parents=True, exist_ok=True)
    yield folder / "page.md"
    shutil.rmtree(folder)


@pytest.mark.parametrize("text, line, message", [
    ("# T\n\n!!! note\n    ```python\n    print(1)\n    ```\n", 4, "inside an admonition"),
    ("# T\n\n```python\nprint(1)\n```\n\n![a figure](figures/none/missing.svg)\n", 7, "cannot be embedded"),
    ("# T\n\n```bash\nls\n```\n", 3, "is not tested"),
])
def test_page_the_converter_cannot_handle_names_page_and_line(scratch_page, figures, text, line, message):
    scratch_page.write_text(text)
    with pytest.raises(codeblocks.PageError, match=rf"^\.cache/notebook-test/page\.md:{line}: .*{message}"):
        page_notebooks.page_notebook(scratch_page, SITE_URL, figures)


def test_admonitions_become_block_quotes():
    markdown = '!!! warning "Mind the `dim`"\n    first\n\n    second\n\nafter'
    assert page_notebooks._containers_as_quotes(markdown) == "> **Mind the `dim`**\n> first\n>\n> second\n\nafter"


@pytest.mark.parametrize("page", RUN_IN_KERNEL)
def test_page_notebook_runs_in_a_kernel_and_prints_the_page_outputs(page, figures, tmp_path):
    """Downloaded and run as a reader would: an offline ipykernel in an empty folder."""
    notebook = page_notebooks.page_notebook(ROOT / page, SITE_URL, figures)
    shown = [_stdout(cell) for cell in _code_cells(notebook)]
    offline = f"import sys; sys.path.insert(0, {str(ROOT / 'tests')!r}); import offline; offline.block_network()"
    client = NotebookClient(notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}},
                            extra_arguments=[f"--IPKernelApp.exec_lines={offline}"])
    name = page_notebooks.notebook_uri(page.removeprefix("docs/"))
    try:
        client.execute(env={**os.environ, "IPYTHONDIR": str(tmp_path / ".ipython")})  # no profile left in $HOME
    except CellExecutionError as err:
        number = next(n for n, cell in enumerate(notebook.cells, 1)
                      if cell.cell_type == "code" and any(o.output_type == "error" for o in cell.outputs))
        pytest.fail(f"{name}: cell {number} raised in the kernel:\n{err}", pytrace=False)
    numbers = [n for n, cell in enumerate(notebook.cells, 1) if cell.cell_type == "code"]
    for number, cell, expected in zip(numbers, _code_cells(notebook), shown):
        if expected is not None:
            assert _stdout(cell) == expected, f"{name}: cell {number} printed other output in the kernel than the page shows"


def test_every_page_with_code_links_the_notebook_the_tests_check(site, figures):
    """The built site serves, next to each page, the notebook checked above, and links it."""
    site_url = codeblocks._mkdocs_config()["site_url"]
    problems = []
    for path in PAGES:
        uri = path.relative_to(ROOT / "docs").as_posix()
        notebook = site / page_notebooks.notebook_uri(uri)
        html = (site / page_notebooks._page_path(uri) / "index.html").read_text(encoding="utf-8")
        if f'<a href="{notebook.name}" download>{page_notebooks.LINK_TEXT}</a>' not in html:
            problems.append(f"docs/{uri}: no link to {notebook.name}")
        if notebook.read_text(encoding="utf-8") != page_notebooks.notebook_text(page_notebooks.page_notebook(path, site_url, figures)):
            problems.append(f"docs/{uri}: the site's {notebook.name} is not the notebook the tests check")
    assert not problems, "\n".join(problems)


def test_content_page_links_to_its_notebook(site, base_url, browser):  # noqa: F811 - fixtures from test_browser
    tab = Tab(browser, base_url)
    try:
        tab.page.goto(base_url + "autograd/", wait_until="networkidle")
        link = tab.page.get_by_role("link", name=page_notebooks.LINK_TEXT)
        assert link.is_visible()
        response = tab.page.request.get(urljoin(tab.page.url, link.get_attribute("href")))
        assert response.ok, f"{response.url}: HTTP {response.status}"
        cells = json.loads(response.text())["cells"]
        code = [cell for cell in cells if cell["cell_type"] == "code"]
        assert len(code) == len(codeblocks.page_blocks(ROOT / "docs" / "autograd.md"))
        assert not tab.problems, tab.problems
    finally:
        tab.close()

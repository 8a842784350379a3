"""Find the code a reader sees on each page, exactly as the site build produces it.

pytest-codeblocks extracts the fences; this thin adapter adds what the site needs:
- `--8<--` includes are expanded by pymdownx.snippets configured from mkdocs.yml,
  the same preprocessor the build runs, and each block remembers its snippet file;
- Material's fence forms (`py`, `python title="…" linenums="1" hl_lines="2"`, `{ .python }`)
  count as Python;
- a `text` fence right after a Python block is that block's expected output;
- any other fence fails with its page and line, so no code is silently left untested.
Notebook pages contribute their code cells.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import markdown
from pytest_codeblocks import extract_from_buffer

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
PYTHON = {"python", "py", "python3"}
OUTPUT = "text"
_TAB = re.compile(r'^\s*={3}[+!]*\s+"[^"]*"\s*$')  # a content-tab marker: === "Output"


class PageError(Exception):
    """A page whose code cannot be tested as written; the message names file and line."""


@dataclass
class Block:
    page: str  # e.g. "docs/tensors.md"
    line: int  # line of the opening fence (notebooks: cell number)
    code: str
    snippet: str | None = None  # e.g. "snippets/tensors/from_data.py"
    expected: str | None = None  # the output shown under the block
    span: tuple[int, int] | None = field(default=None, compare=False, repr=False)  # expanded lines of block and output
    output_line: int | None = None  # line of the opening fence of that output

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}" + (f" ({self.snippet})" if self.snippet else "")

    @property
    def filename(self) -> str:
        """Where tracebacks should point: the snippet file, or the page."""
        return str(ROOT / (self.snippet or self.page))


@cache
def _mkdocs_config():
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


def _snippet_preprocessor():
    """pymdownx.snippets with the options mkdocs.yml gives it."""
    options = dict(_mkdocs_config()["mdx_configs"]["pymdownx.snippets"])
    options["base_path"] = [str(ROOT / base) for base in options.get("base_path", ["."])]
    md = markdown.Markdown(extensions=["pymdownx.snippets"], extension_configs={"pymdownx.snippets": options})
    return md.preprocessors["snippet"]


def expand(page: str, text: str) -> tuple[list[str], list[tuple[int, str | None]]]:
    """Expand includes line by line; return the lines and, for each, `(page line, snippet)`.

    Expanding each line on its own is what lets a block name its page line and
    snippet file; the assertion proves it gives the same text as expanding the page
    whole, which is what the site build does.
    """
    from pymdownx.snippets import SnippetMissingError

    snippet = _snippet_preprocessor()
    source = text.split("\n")
    lines, origins = [], []
    for number, line in enumerate(source, 1):
        try:
            expanded = snippet.run([line])
        except SnippetMissingError as err:
            raise PageError(f"{page}:{number}: {err}") from None
        included = re.search(r'"([^"]+)"', line) if expanded != [line] else None
        name = f"snippets/{included.group(1)}" if included else None
        lines.extend(expanded)
        origins.extend([(number, name)] * len(expanded))
    assert lines == snippet.run(list(source)), f"{page}: line-by-line expansion differs from the build's"
    return lines, origins


def language(info: str) -> str:
    """The language of a fence info string, in any of Material's forms."""
    info = info.strip()
    if info.startswith("{"):
        match = re.search(r"\.([\w+-]+)", info)
        return match.group(1) if match else ""
    return info.split()[0] if info else ""


def markdown_blocks(page: str, text: str) -> list[Block]:
    """The Python blocks of a Markdown page, `page` naming it in messages."""
    lines, origins = expand(page, text)
    if any(line.lstrip().startswith("~~~") for line in lines):
        number = next(origins[i][0] for i, line in enumerate(lines) if line.lstrip().startswith("~~~"))
        raise PageError(f"{page}:{number}: use backtick fences (```), not ~~~")
    found = extract_from_buffer(io.StringIO("\n".join(lines) + "\n"), max_num_lines=10**6)
    blocks: list[Block] = []
    previous_end = None  # index after the closing fence of the last Python block
    for fence in found:
        start = fence.lineno - 1  # index of the opening fence in `lines`
        number, _ = origins[start]
        lang = language(fence.syntax or "")
        end = start + fence.code.count("\n") + 2
        if lang in PYTHON:
            snippets = {origins[i][1] for i in range(start + 1, end - 1)} - {None}
            if len(snippets) > 1:
                raise PageError(f"{page}:{number}: one code block includes several snippets: {sorted(snippets)}")
            blocks.append(Block(page, number, fence.code, snippets.pop() if snippets else None, span=(start, end)))
            previous_end = end
        elif lang == OUTPUT:
            between = lines[previous_end:start] if previous_end is not None else None
            if between is None or not all(not line.strip() or _TAB.match(line) for line in between):
                raise PageError(f"{page}:{number}: a `text` block must directly follow the Python block whose output it shows")
            blocks[-1].expected = fence.code
            blocks[-1].span = (blocks[-1].span[0], end)
            blocks[-1].output_line = number
            previous_end = None
        else:
            shown = f"`{lang}`" if lang else "no language"
            raise PageError(f"{page}:{number}: fence with {shown} is not tested: use `python` (runs) or `text` (its output)")
    return blocks


def page_parts(path: Path) -> list[str | Block]:
    """A Markdown page in reading order: prose (Markdown, includes expanded) and its Python
    blocks, each with its output, from the same extraction the tests run."""
    page, text = path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8")
    lines, _ = expand(page, text)
    parts: list[str | Block] = []
    position = 0
    for block in markdown_blocks(page, text):
        parts += ["\n".join(lines[position:block.span[0]]), block]
        position = block.span[1]
    return parts + ["\n".join(lines[position:])]


def notebook_blocks(page: str, text: str) -> list[Block]:
    cells = json.loads(text)["cells"]
    return [
        Block(page, number, "".join(cell["source"]))
        for number, cell in enumerate(cells, 1)
        if cell["cell_type"] == "code"
    ]


def pages() -> list[Path]:
    """Every page source under docs/, Markdown and notebooks."""
    return sorted(p for p in DOCS.rglob("*") if p.suffix in {".md", ".ipynb"})


def page_blocks(path: Path) -> list[Block]:
    return list(_blocks(path.relative_to(ROOT).as_posix(), path.read_text(encoding="utf-8"), path.suffix == ".ipynb"))


@cache  # each test of a page asks; parse a page's text once (a changed text parses again)
def _blocks(page: str, text: str, notebook: bool) -> tuple[Block, ...]:
    return tuple((notebook_blocks if notebook else markdown_blocks)(page, text))

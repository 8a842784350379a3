"""`make outputs`: rewrite every ```text output block with what its code prints now.

After a torch upgrade the tests fail wherever a printed value changed; this command
is how a contributor accepts the new outputs on purpose, as one readable diff.
Pages are read with the tests' page model (tests/codeblocks.py) and run by the
tests' example runner: one fresh session per page, top to bottom. Only the lines
inside a changed output fence are replaced; a page with a block that raises is
reported with its page and line and left untouched. Files are replaced whole
(temporary file + rename), never half-written.

Usage: python scripts/outputs.py [docs/page.md ...]   (default: every page)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import codeblocks  # noqa: E402
from tests.conftest import Runner, page_job  # noqa: E402


class OutputError(Exception):
    """An output that cannot be refreshed; the message names page and line."""


def rewrite(text: str, blocks: list[codeblocks.Block], results: list[dict]) -> str:
    """`text` (a page's source) with each output fence replaced by what its block printed."""
    lines = text.split("\n")
    for block, result in zip(blocks, results, strict=True):
        if result["error"]:
            raise OutputError(f"{block.where}: the block raised, so its page is left as it is:\n{result['error']}")
        if block.expected is None or result["stdout"] == block.expected:
            continue
        printed = result["stdout"]
        if printed and not printed.endswith("\n") or "```" in printed:
            raise OutputError(f"{block.page}:{block.output_line}: the output cannot be shown in a fence "
                              "(it must end with a newline and contain no ```)")
        opening = lines[block.output_line - 1]
        indent = opening[: len(opening) - len(opening.lstrip())]
        old = block.expected.splitlines()
        start = block.output_line  # index of the first line inside the fence
        closing = lines[start + len(old)] if start + len(old) < len(lines) else ""
        if [line.removeprefix(indent) for line in lines[start:start + len(old)]] != old or not closing.strip().startswith("```"):
            raise OutputError(f"{block.page}:{block.output_line}: the output fence is not where the page model says")
        lines[start:start + len(old)] = [indent + line if line else "" for line in printed.splitlines()]
    return "\n".join(lines)


def replace_file(path: Path, text: str) -> None:
    """Write all of `text` or nothing: a temporary file next to `path`, then a rename."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def _label(path: Path) -> str:
    """How messages name a page: relative to the repository when inside it."""
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def update(paths: list[Path], log=print) -> list[str]:
    """Refresh the outputs of `paths`; return the problems (empty: all went well)."""
    pages = {path: codeblocks.markdown_blocks(_label(path), path.read_text(encoding="utf-8")) for path in paths if path.suffix == ".md"}
    pages = {path: blocks for path, blocks in pages.items() if any(b.expected is not None for b in blocks)}
    runner = Runner({str(path): page_job(blocks) for path, blocks in pages.items()})
    problems = []
    try:
        for path, blocks in pages.items():
            text = path.read_text(encoding="utf-8")
            try:
                new = rewrite(text, blocks, runner.result(str(path)))
            except OutputError as err:
                problems.append(str(err))
                continue
            if new != text:
                replace_file(path, new)
                log(f"{_label(path)}: outputs rewritten")
    finally:
        runner.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*", type=Path, help="pages to refresh (default: every page)")
    args = parser.parse_args(argv)
    paths = [path.resolve() for path in args.pages] or codeblocks.pages()
    problems = update(paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

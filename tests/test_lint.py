"""ruff (configured in pyproject.toml) passes over all code, including what readers copy:
every Python file, snippet and notebook, and every code block of every page, linted
with the page's earlier blocks as context (they run in one session)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests import codeblocks

ROOT = codeblocks.ROOT
FOLDERS = ["plots", "hooks", "tests", "scripts", "snippets", "docs"]  # docs: the notebooks


def ruff(paths: list[str], *options: str) -> list[dict]:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "json",
         "--config", str(ROOT / "pyproject.toml"), *options, *paths],
        cwd=ROOT, capture_output=True, text=True,
    )
    if done.returncode not in (0, 1):
        raise RuntimeError(f"ruff failed:\n{done.stderr}")
    return json.loads(done.stdout)


def test_python_files_pass_ruff():
    findings = [
        f"{f['filename'].removeprefix(str(ROOT) + '/')}:{f['location']['row']}:{f['location']['column']}: {f['code']} {f['message']}"
        for f in ruff(FOLDERS)
    ]
    assert not findings, "ruff findings (`ruff check --fix` fixes some):\n" + "\n".join(findings)


def page_module(blocks: list[codeblocks.Block]) -> tuple[str, list[str]]:
    """The blocks of a page as one module, and for each of its lines where it comes from."""
    lines, where = [], []
    for block in blocks:
        for number, line in enumerate(block.code.splitlines(), 1):
            lines.append(line)
            where.append(f"{block.page}:{block.line + number}" if block.snippet is None
                         else f"{block.page}:{block.line} ({block.snippet}:{number})")
    return "\n".join(lines) + "\n", where


def test_page_code_blocks_pass_ruff(tmp_path):
    """Lines from snippets are linted as files above (each runs on its own); here the
    page's blocks are one module, so a block may use what an earlier one defined."""
    origins = {}
    for path in codeblocks.pages():
        if path.suffix != ".md" or not (blocks := codeblocks.page_blocks(path)):
            continue
        module = tmp_path / f"{len(origins)}.py"
        text, origins[module.name] = page_module(blocks)
        module.write_text(text)
    found = [(origins[f["filename"].rsplit("/", 1)[1]][f["location"]["row"] - 1], f) for f in ruff([str(tmp_path)], "--ignore", "E402")]
    findings = [f"{where}: {f['code']} {f['message']}" for where, f in found if "(snippets/" not in where]
    assert not findings, "ruff findings in the code blocks of pages:\n" + "\n".join(findings)

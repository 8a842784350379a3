"""Every Python block on every page runs, in page order, in one fresh session, and
prints exactly the output the page shows under it."""

from __future__ import annotations

import difflib

import pytest

from tests import codeblocks
from tests.conftest import RAN


def _collect():
    blocks, errors = [], []
    for path in codeblocks.pages():
        try:
            blocks.extend(codeblocks.page_blocks(path))
        except codeblocks.PageError as err:
            errors.append(str(err))
    return blocks, errors


BLOCKS, ERRORS = _collect()


def output_mismatch(where: str, expected: str, actual: str) -> str:
    diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), "shown on the page", "printed"))
    return f"{where}: the output shown differs from what the code prints:\n{diff}"


def test_every_fence_is_tested():
    assert not ERRORS, "\n".join(ERRORS)


@pytest.mark.parametrize("block", BLOCKS, ids=[b.where for b in BLOCKS])
def test_code_block(block, runner, request):
    page = [b for b in BLOCKS if b.page == block.page]
    result = runner.result(block.page)[page.index(block)]
    if result["skipped"]:
        pytest.fail(f"{block.where}: not run, because an earlier block of the page failed", pytrace=False)
    request.config.stash[RAN].add(block.where)
    if result["error"]:
        pytest.fail(f"{block.where}: the block raised\n{result['error']}", pytrace=False)
    if block.expected is not None and result["stdout"] != block.expected:
        pytest.fail(output_mismatch(block.where, block.expected, result["stdout"]), pytrace=False)

"""Every file under snippets/ runs on its own, prints what the page shows, and is used."""

from __future__ import annotations

import pytest

from tests import codeblocks
from tests.test_codeblocks import BLOCKS, output_mismatch

SNIPPETS = sorted(p.relative_to(codeblocks.ROOT).as_posix() for p in codeblocks.SNIPPETS.rglob("*.py"))


@pytest.mark.parametrize("snippet", SNIPPETS)
def test_snippet_runs_on_its_own(snippet, runner):
    """As `python snippets/<page>/<name>.py` from an empty folder."""
    (result,) = runner.result(f"snippet:{snippet}")
    if result["error"]:
        pytest.fail(f"{snippet}: raised when run on its own\n{result['error']}", pytrace=False)
    shown = [b for b in BLOCKS if b.snippet == snippet and b.expected is not None]
    for block in shown:
        if result["stdout"] != block.expected:
            pytest.fail(output_mismatch(f"{snippet} run on its own, shown at {block.page}:{block.line}", block.expected, result["stdout"]), pytrace=False)


def test_every_snippet_is_included_by_a_page():
    included = {b.snippet for b in BLOCKS}
    unused = [s for s in SNIPPETS if s not in included]
    assert not unused, "snippets no page includes (include them with --8<-- or delete them):\n" + "\n".join(unused)

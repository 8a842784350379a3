"""Each mistake a contributor can make fails with a message naming the file and line."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load

from hooks import checks
from tests import codeblocks
from tests.conftest import ROOT, Runner
from tests.test_codeblocks import output_mismatch

PAGE = "docs/example.md"


def fence(info: str, body: str) -> str:
    return f"```{info}\n{body}\n```\n"


def test_missing_snippet_path_names_page_and_line():
    text = "# Example\n\n```python\n--8<-- \"example/missing.py\"\n```\n"
    with pytest.raises(codeblocks.PageError, match=r"^docs/example\.md:4: .*example/missing\.py"):
        codeblocks.markdown_blocks(PAGE, text)
    (message,) = checks.missing_snippets(PAGE, text)
    assert message.startswith("docs/example.md:4: snippet 'example/missing.py' does not exist")


def test_snippet_no_page_includes_is_reported():
    (message,) = checks.unused("snippet", {"tensors/a.py", "tensors/orphan.py"}, {"tensors/a.py"})
    assert message == "snippet tensors/orphan.py is not used by any page: link it from a page or delete it"


def test_figure_referenced_but_not_generated_names_page_and_line():
    text = "# Example\n\nIntro.\n\n![Curve](figures/activations/nope.svg)\n"
    (message,) = checks.missing_figures(PAGE, text, {"activations/relu"})
    assert message.startswith("docs/example.md:5: figure 'figures/activations/nope.svg' is not generated")


def test_figure_generated_but_unused_is_reported():
    (message,) = checks.unused("figure", {"activations/relu", "activations/unused"}, {"activations/relu"})
    assert message == "figure activations/unused is not used by any page: link it from a page or delete it"


@pytest.mark.parametrize("info", ["bash", "pycon", "", "console"])
def test_fence_the_tests_would_skip_names_page_and_line(info):
    text = "# Example\n\n" + fence(info, "print(1)")
    with pytest.raises(codeblocks.PageError, match=r"^docs/example\.md:3: fence with .* is not tested"):
        codeblocks.markdown_blocks(PAGE, text)


@pytest.mark.parametrize("info", ["py", "python", 'python title="a.py"', 'py linenums="1" hl_lines="2"', "{ .python }"])
def test_material_fence_forms_are_run(info):
    (block,) = codeblocks.markdown_blocks(PAGE, "# Example\n\n" + fence(info, "print(1)") + "\n" + fence("text", "1"))
    assert (block.line, block.code, block.expected) == (3, "print(1)\n", "1\n")


def test_stray_output_block_names_page_and_line():
    text = "# Example\n\nProse.\n\n" + fence("text", "1")
    with pytest.raises(codeblocks.PageError, match=r"^docs/example\.md:5: a `text` block must directly follow"):
        codeblocks.markdown_blocks(PAGE, text)


def test_broken_link_and_anchor_name_page_and_line():
    text = "# Example\n\nSee [tensors](tensors.md#no-such-section).\n\nAnd [gone](gone.md).\n"
    ids = {"example.md": set(), "tensors.md": {"indexing"}}
    assert checks.broken_links(PAGE, "example.md", text, ids) == [
        "docs/example.md:3: link 'tensors.md#no-such-section': docs/tensors.md has no heading or id 'no-such-section'",
        "docs/example.md:5: link 'gone.md' points to docs/gone.md, which is not a page",
    ]


def test_shown_output_that_no_longer_matches_names_page_and_line():
    (block,) = codeblocks.markdown_blocks(PAGE, "# Example\n\n" + fence("python", "print(2 + 2)") + "\n" + fence("text", "5"))
    runner = Runner({"page": [{"code": block.code, "filename": block.filename, "first_line": block.line}]})
    try:
        (result,) = runner.result("page")
    finally:
        runner.close()
    assert result["stdout"] == "4\n" != block.expected
    message = output_mismatch(block.where, block.expected, result["stdout"])
    assert message.startswith("docs/example.md:3: the output shown differs")
    assert "-5\n+4\n" in message


def test_page_missing_from_nav_fails_the_build(tmp_path):
    """MkDocs names the page; our mkdocs.yml makes it an error."""
    with open(ROOT / "mkdocs.yml") as handle:
        validation = yaml_load(handle)["validation"]
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "docs" / "orphan.md").write_text("# Orphan\n")
    config = {"site_name": "t", "strict": True, "nav": [{"Home": "index.md"}], "validation": validation}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config))
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode != 0
    assert "orphan.md" in done.stderr and "nav" in done.stderr, textwrap.shorten(done.stderr, 500)

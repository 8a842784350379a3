"""`make outputs` (scripts/outputs.py) rewrites exactly the stale output lines, and
leaves a page whose code raises untouched."""

from __future__ import annotations

import pytest

from scripts import outputs
from tests import codeblocks

PAGE = """\
# A page

Some prose with `print` in it.

```python
print("one")
```

```text
stale
lines
```

Between the blocks.

```python
x = 2
print(x * 21)
```

```text
42
```
"""


@pytest.fixture(scope="module")
def updated(tmp_path_factory):
    """Three pages refreshed by one run of `update` (one runner): a synthetic page with a
    stale output, a copy of a real page with snippets and one output line edited, and a
    page whose second block raises."""
    folder = tmp_path_factory.mktemp("pages")
    stale, copy, broken = folder / "stale.md", folder / "tensors.md", folder / "broken.md"
    stale.write_text(PAGE)
    original = (codeblocks.DOCS / "tensors.md").read_text()
    shown = next(b for b in codeblocks.page_blocks(codeblocks.DOCS / "tensors.md") if b.expected)
    lines = original.split("\n")
    assert lines[shown.output_line] + "\n" == shown.expected.splitlines(keepends=True)[0]
    lines[shown.output_line] = "a stale line"
    copy.write_text("\n".join(lines))
    broken.write_text(PAGE.replace("x = 2", "x = undefined_name"))
    problems = outputs.update([stale, copy, broken], log=lambda message: None)
    return folder, original, problems


def test_a_changed_output_is_rewritten_and_nothing_else_moves(updated):
    folder, _, _ = updated
    assert (folder / "stale.md").read_text() == PAGE.replace("stale\nlines\n", "one\n")


def test_a_real_page_with_a_stale_output_gets_its_text_back(updated):
    folder, original, _ = updated
    assert (folder / "tensors.md").read_text() == original


def test_a_block_that_raises_is_named_and_its_page_left_untouched(updated):
    folder, _, problems = updated
    (problem,) = problems
    assert problem.startswith(f"{folder / 'broken.md'}:16: the block raised")  # the second block's fence
    assert "NameError" in problem
    assert (folder / "broken.md").read_text() == PAGE.replace("x = 2", "x = undefined_name")
    assert sorted(p.name for p in folder.iterdir()) == ["broken.md", "stale.md", "tensors.md"], "a temporary file is left"


@pytest.mark.parametrize("printed", ["no newline at the end", "```\n"])
def test_an_output_a_fence_cannot_show_is_reported(printed):
    (block,) = [b for b in codeblocks.markdown_blocks("docs/page.md", PAGE) if b.line == 5]
    with pytest.raises(outputs.OutputError, match=r"docs/page.md:9: the output cannot be shown"):
        outputs.rewrite(PAGE, [block], [{"stdout": printed, "error": None}])

"""Examples and tests leave no trace: an example writes only inside its own folder."""

from __future__ import annotations

import pytest

from tests.conftest import Runner

INSIDE = """\
import tempfile
from pathlib import Path
import matplotlib.pyplot as plt
import torch

Path("notes.txt").write_text("kept in the example's folder")
torch.save(torch.ones(2), "weights.pt")
plt.plot([0, 1]); plt.savefig("figure.png")
with tempfile.TemporaryDirectory() as tmp:
    (Path(tmp) / "scratch").mkdir()
print(Path(tempfile.gettempdir()).resolve() == Path.cwd().resolve())
"""


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside")
    jobs = {
        "inside": [{"code": INSIDE, "filename": "docs/inside.md"}],
        "outside": [{"code": f"open({str(outside / 'stray.txt')!r}, 'w').write('x')", "filename": "docs/outside.md"}],
        # A library that swallows the error does not hide the attempt.
        "swallowed": [{"code": f"try:\n    import os; os.mkdir({str(outside / 'cache')!r})\nexcept OSError:\n    pass\n",
                       "filename": "docs/swallowed.md"}],
    }
    runner = Runner(jobs)
    try:
        yield outside, {job: runner.result(job)[0] for job in jobs}
    finally:
        runner.close()


def test_an_example_may_write_in_its_folder_and_temp_folder(results):
    _, found = results
    assert found["inside"]["error"] is None, found["inside"]["error"]
    assert found["inside"]["stdout"] == "True\n"


@pytest.mark.parametrize("job, name", [("outside", "stray.txt"), ("swallowed", "cache")])
def test_an_example_that_writes_outside_its_folder_fails_and_writes_nothing(results, job, name):
    outside, found = results
    assert "wrote outside its own folder" in found[job]["error"], found[job]
    assert str(outside / name) in found[job]["error"]
    assert not (outside / name).exists()

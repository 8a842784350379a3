"""Shared fixtures: the example runner, the built site, and the offline guard."""

from __future__ import annotations

import fnmatch
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

# The runner executes two examples at a time next to the test process; with torch's
# default of one intra-op thread per core, tiny operations slow down many times over
# from oversubscription. Set before torch is imported here or in any subprocess.
os.environ.setdefault("OMP_NUM_THREADS", "1")

from tests import codeblocks, offline  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RAN = pytest.StashKey[set]()  # code blocks executed in this session
ON_SITE = pytest.StashKey[int]()  # Python blocks counted on the built site
JOBS = pytest.StashKey[dict]()  # runner jobs of the selected tests


def pytest_configure(config):
    offline.block_network()
    config.stash[RAN] = set()
    sys.addaudithook(_record_writes_into_the_tree)


# -- leaving no trace -------------------------------------------------------------

_IGNORED = [line.strip().rstrip("/") for line in (ROOT / ".gitignore").read_text().splitlines()
            if line.strip() and not line.startswith("#")]
_WRITTEN: list[str] = []  # files of the working tree written by the current test
_WRITES = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_CHANGES = {"os.mkdir": 0, "os.rename": 1, "os.remove": 0, "os.rmdir": 0, "shutil.rmtree": 0}


def _record_writes_into_the_tree(event: str, args: tuple) -> None:
    """Audit hook of the test process: note writes to files git would see."""
    if event == "open":
        path, mode, flags = args
        if not ((mode is not None and set(mode) & set("wax+")) or (mode is None and flags & _WRITES)):
            return
    elif event in _CHANGES:
        path = args[_CHANGES[event]]
    else:
        return
    if isinstance(path, (str, bytes, os.PathLike)):
        real = Path(os.path.realpath(os.fsdecode(path)))
        if real.is_relative_to(ROOT) and not any(
            fnmatch.fnmatch(part, pattern) for part in real.relative_to(ROOT).parts for pattern in _IGNORED
        ):
            _WRITTEN.append(str(real.relative_to(ROOT)))


@pytest.fixture(scope="session", autouse=True)
def _outside_the_tree(tmp_path_factory):
    """Tests run in an empty folder, so code that writes to a relative path (a snippet
    run with runpy, say) cannot touch the working tree."""
    previous = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("cwd"))
    yield
    os.chdir(previous)


@pytest.fixture(autouse=True)
def _no_trace():
    """A test that writes into the working tree fails, naming the files."""
    _WRITTEN.clear()
    yield
    if _WRITTEN:
        written = sorted(set(_WRITTEN))
        _WRITTEN.clear()
        pytest.fail(f"wrote into the working tree (tests leave no trace; use tmp_path): {', '.join(written)}", pytrace=False)


# -- running examples ---------------------------------------------------------


def job_for(item) -> tuple[str, list[dict]] | None:
    """The runner job a test needs: a page session, or one snippet on its own."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    if "block" in params:
        page = params["block"].page
        blocks = codeblocks.page_blocks(ROOT / page)
        return page, [{"code": b.code, "filename": b.filename, "first_line": 0 if b.snippet else b.line} for b in blocks]
    if "snippet" in params:
        path = params["snippet"]
        return f"snippet:{path}", [{"code": (ROOT / path).read_text(), "filename": str(ROOT / path)}]
    return None


@pytest.hookimpl(trylast=True)  # after -k/-m deselection: run only what is selected
def pytest_collection_modifyitems(session, config, items):
    jobs: dict[str, list[dict]] = {}
    for item in items:
        if (job := job_for(item)) is not None:
            jobs.setdefault(*job)
    config.stash[JOBS] = jobs
    # The site checks compare against what ran, so they go last.
    items.sort(key=lambda item: item.get_closest_marker("after_examples") is not None)



class Runner:
    """Client of tests/runner.py: all jobs are sent at start and run two at a time."""

    def __init__(self, jobs: dict[str, list[dict]]):
        self.results: dict[str, list[dict]] = {}
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "runner.py")],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True,
            env={**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"},
        )
        for job_id, blocks in jobs.items():
            self.process.stdin.write(json.dumps({"id": job_id, "blocks": blocks}) + "\n")
        self.process.stdin.close()

    def result(self, job_id: str) -> list[dict]:
        while job_id not in self.results:
            line = self.process.stdout.readline()
            if not line:
                raise RuntimeError(f"the example runner stopped before running {job_id}")
            answer = json.loads(line)
            self.results[answer["id"]] = answer["results"]
        return self.results[job_id]

    def close(self):
        """Stop the runner and any example still running (they share its process group)."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()


@pytest.fixture(scope="session")
def runner(request):
    client = Runner(request.config.stash[JOBS])
    yield client
    client.close()


# -- the built site -------------------------------------------------------------


def build_env() -> dict[str, str]:
    """The environment `make build` gives MkDocs: dates pinned to the last commit."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MPLBACKEND": "Agg"}
    if "SOURCE_DATE_EPOCH" not in env:
        stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        env["SOURCE_DATE_EPOCH"] = stamp or "0"
    return env


@pytest.fixture(scope="session")
def site() -> Path:
    """The site, built once per session with `mkdocs build --strict`.

    Never with `--quiet`: it hides warnings from the strict-mode count as well.
    """
    out = ROOT / ".cache" / "test-site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env=build_env(),
    )
    if done.returncode:
        pytest.fail(f"mkdocs build --strict failed:\n{done.stderr[-6000:]}", pytrace=False)
    return out


def pytest_terminal_summary(terminalreporter, config):
    ran = len(config.stash[RAN])
    if ran or ON_SITE in config.stash:
        site = config.stash.get(ON_SITE, "not counted")
        terminalreporter.write_line(f"code blocks: {ran} run; Python code blocks on the built site: {site}")

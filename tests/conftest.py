"""Shared fixtures: the example runner, the built site, the offline guard, and the
guard that tests leave no trace in the working tree."""

from __future__ import annotations

import fcntl
import fnmatch
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from xdist.scheduler import LoadScopeScheduling

# Examples run next to the test processes (two of each under xdist); with torch's
# default of one intra-op thread per core, tiny operations slow down many times over
# from oversubscription. Set before torch is imported here or in any subprocess.
os.environ.setdefault("OMP_NUM_THREADS", "1")

from tests import codeblocks, offline, traces  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RAN = pytest.StashKey[set]()  # code blocks executed in this session
ON_SITE = pytest.StashKey[int]()  # Python blocks counted on the built site
JOBS = pytest.StashKey[dict]()  # runner jobs of the selected tests
MISCOUNT = pytest.StashKey[str]()  # blocks on the site and blocks run differ


def pytest_configure(config):
    offline.block_network()
    config.stash[RAN] = set()
    sys.addaudithook(_record_writes_into_the_tree)


# -- leaving no trace -------------------------------------------------------------

_IGNORED = [line.strip().rstrip("/") for line in (ROOT / ".gitignore").read_text().splitlines()
            if line.strip() and not line.startswith("#")]
_WRITTEN: list[str] = []  # files of the working tree written by the current test


def _record_writes_into_the_tree(event: str, args: tuple) -> None:
    """Audit hook of the test process: note writes to files git would see."""
    for real in map(Path, traces.written(event, args)):
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


def page_job(blocks: list[codeblocks.Block]) -> list[dict]:
    """A page's blocks as one runner job: one session, top to bottom."""
    return [{"code": b.code, "filename": b.filename, "first_line": 0 if b.snippet else b.line} for b in blocks]


def job_for(item) -> tuple[str, list[dict]] | None:
    """The runner job a test needs: a page session, or one snippet on its own."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    if "block" in params:
        page = params["block"].page
        return page, page_job(codeblocks.page_blocks(ROOT / page))
    if "snippet" in params:
        path = params["snippet"]
        return f"snippet:{path}", [{"code": (ROOT / path).read_text(), "filename": str(ROOT / path)}]
    return None


# Longest files first (then the rest, then tests spread one by one), so no worker is
# left running a long file at the end while the other waits.
LONGEST_FIRST = ["tests/test_browser.py", "tests/test_reproducible.py", "tests/test_search.py",
                 "tests/test_notebooks.py", "tests/test_snippets.py", "tests/test_codeblocks.py"]
# Files whose tests share no examples and are each slow: spread test by test over the workers.
SPREAD = {"tests/test_accessibility.py"}


def pytest_collection_modifyitems(session, config, items):
    # The site check that counts what ran goes after the examples. Under xdist it
    # runs where test_site.py runs, often not where the examples ran: then
    # pytest_sessionfinish compares the counts summed over the workers.
    def rank(item) -> tuple[bool, bool, int]:
        file = item.nodeid.split("::")[0]
        longest = LONGEST_FIRST.index(file) if file in LONGEST_FIRST else len(LONGEST_FIRST)
        return item.get_closest_marker("after_examples") is not None, file in SPREAD, longest

    items.sort(key=rank)


class FileScheduling(LoadScopeScheduling):
    """`--dist loadfile` with two changes: a file's tests run on one worker (whose
    example runner is then sent all of the file's jobs at once), except in SPREAD
    files, whose tests are handed out one by one; and files go out in the order
    above, not ordered by how many tests they have."""

    def _split_scope(self, nodeid: str) -> str:
        file = nodeid.split("::")[0]
        return nodeid if file in SPREAD else file


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadfile":
        config.option.loadscopereorder = False
        return FileScheduling(config, log)
    return None


def pytest_collection_finish(session):
    """The runner jobs of the selected tests (after -k/-m deselection), each with the
    file of the first test that needs it: under `--dist loadfile` one worker runs all
    tests of a file, so it will ask for all of that file's jobs."""
    jobs: dict[str, tuple[str | None, list[dict]]] = {}
    for item in session.items:
        if (job := job_for(item)) is not None:
            jobs.setdefault(job[0], (item.nodeid.split("::")[0], job[1]))
    session.config.stash[JOBS] = jobs


class Runner:
    """Client of tests/runner.py, which runs examples in forked children.

    With `prefetch`, every job is sent at start; otherwise a job is sent when a test
    first asks for it, together with the other jobs of its group (its test file: the
    same xdist worker will ask for them next).
    """

    def __init__(self, jobs: dict[str, list[dict] | tuple[str | None, list[dict]]], prefetch: bool = True, workers: int | None = None):
        self.jobs = {job_id: job if isinstance(job, tuple) else (None, job) for job_id, job in jobs.items()}
        self.results: dict[str, list[dict]] = {}
        self.sent: set[str] = set()
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tests" / "runner.py"), *([str(workers)] if workers else [])],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, start_new_session=True,
            env={**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"},
        )
        # Jobs are written by a thread: while a long batch is being sent, the runner
        # may already answer, and this side must keep reading or both block on a pipe.
        self._outbox: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._write, daemon=True).start()
        if prefetch:
            self._send(list(self.jobs))

    def _write(self) -> None:
        while True:
            line = self._outbox.get()
            try:
                self.process.stdin.write(line)
                self.process.stdin.flush()
            except (BrokenPipeError, ValueError):  # the runner was closed
                return

    def _send(self, job_ids: list[str]) -> None:
        for job_id in job_ids:
            if job_id not in self.sent:
                self.sent.add(job_id)
                self._outbox.put(json.dumps({"id": job_id, "blocks": self.jobs[job_id][1]}) + "\n")

    def result(self, job_id: str) -> list[dict]:
        group = self.jobs[job_id][0]
        self._send([job_id] + [other for other, (g, _) in self.jobs.items() if group is not None and g == group])
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
    """Results of the examples of the selected tests: `runner.result(job_id)`.

    A test gets a job through its parameters (see `job_for`). Under xdist
    (`--dist loadfile`) each worker has its own runner, sent the jobs of a test file
    when the file's first test asks, and runs one example at a time: each worker
    takes one core.
    """
    xdist = hasattr(request.config, "workerinput")
    client = Runner(request.config.stash[JOBS], prefetch=not xdist, workers=1 if xdist else None)
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
def site(request) -> Path:
    """The site, built once per test run with `mkdocs build --strict`, shared by the
    xdist workers (the first one to ask builds it, under a lock).

    Never with `--quiet`: it hides warnings from the strict-mode count as well.
    """
    out = ROOT / ".cache" / "test-site"
    out.parent.mkdir(exist_ok=True)
    run = getattr(request.config, "workerinput", {}).get("testrunuid") or uuid.uuid4().hex
    stamp = out.parent / "test-site.run"
    with open(out.parent / "test-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (stamp.exists() and stamp.read_text() == run):
            stamp.unlink(missing_ok=True)
            done = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                cwd=ROOT, capture_output=True, text=True, env=build_env(),
            )
            if done.returncode:
                pytest.fail(f"mkdocs build --strict failed:\n{done.stderr[-6000:]}", pytrace=False)
            stamp.write_text(run)
    return out


# -- the summary line, summed over xdist workers --------------------------------


def pytest_sessionfinish(session):
    config = session.config
    if hasattr(config, "workerinput"):  # an xdist worker: hand the counts to the controller
        config.workeroutput["ran"] = sorted(config.stash[RAN])
        config.workeroutput["on_site"] = config.stash.get(ON_SITE, None)
        return
    ran, on_site = len(config.stash[RAN]), config.stash.get(ON_SITE, None)
    if ran and on_site is not None and ran != on_site:
        config.stash[MISCOUNT] = f"{on_site} Python blocks on the built site, but {ran} code-block tests ran"
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    output = getattr(node, "workeroutput", {})
    node.config.stash[RAN].update(output.get("ran", ()))
    if output.get("on_site") is not None:
        node.config.stash[ON_SITE] = output["on_site"]


def pytest_terminal_summary(terminalreporter, config):
    ran = len(config.stash[RAN])
    if ran or ON_SITE in config.stash:
        site = config.stash.get(ON_SITE, "not counted")
        terminalreporter.write_line(f"code blocks: {ran} run; Python code blocks on the built site: {site}")
    if MISCOUNT in config.stash:
        terminalreporter.write_line(f"FAILED: {config.stash[MISCOUNT]}", red=True)

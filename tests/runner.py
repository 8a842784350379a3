"""Run code as a reader would: each job in a fresh Python session, in an empty folder, offline.

Started once per test process as `python tests/runner.py [N]`. It imports the
heavy libraries once and then forks a child per job, so each page or snippet pays
for its own code and not for a 2-second `import torch`. A child is a fresh session
in every way that matters: a new `__main__` namespace (nothing defined, nothing
imported into it), untouched torch state, its own empty working folder, which is
also its TMPDIR and HOME; writing anywhere else fails the job (`keep_inside`).

Protocol: one JSON job per stdin line, `{"id", "blocks": [{"code", "filename"}]}`,
sent at any time (stdin closed: no more jobs); one JSON result per stdout line,
`{"id", "results": [{"stdout", "error"}]}`, in completion order. At most N jobs
(default: one per core, up to 2) run at once. Blocks of a job run top to bottom;
after a failure the rest are reported as not run.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import select
import shutil
import sys
import tempfile
import time
import traceback
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import offline  # noqa: E402
import traces  # noqa: E402

PRELOAD = ("torch", "torch._dynamo", "numpy", "matplotlib.pyplot", "sklearn.datasets")  # the slow imports; torch._dynamo comes with any optimizer
WORKERS = max(1, min(2, os.cpu_count() or 1))
TIMEOUT = 300  # seconds for one job; a hung example must not hang CI


def run_blocks(blocks: list[dict], outside: list[str]) -> list[dict]:
    """Execute blocks in one fresh `__main__` namespace; capture each one's stdout.

    `outside` collects the paths a block tried to write outside its folder: such a
    block fails, whether or not the attempt raised in its code."""
    main = types.ModuleType("__main__")
    main.__dict__["__builtins__"] = __builtins__
    sys.modules["__main__"] = main  # classes defined by the code can be pickled
    results = []
    for block in blocks:
        if results and results[-1]["error"]:
            results.append({"stdout": "", "error": None, "skipped": True})
            continue
        out = io.StringIO()
        error = None
        main.__file__ = block["filename"]
        sys.argv = [block["filename"]]
        try:
            code = compile("\n" * block.get("first_line", 0) + block["code"], block["filename"], "exec")
            with contextlib.redirect_stdout(out):
                exec(code, main.__dict__)
        except BaseException:  # noqa: BLE001 - SystemExit and KeyboardInterrupt in examples are failures too
            error = "".join(traceback.format_exc().split("\n", 1)[1:])
            frames = error.splitlines()
            # Drop this runner's own frame from the traceback.
            if len(frames) > 2 and "runner.py" in frames[0]:
                error = "\n".join(frames[2:])
        if outside:
            error = f"wrote outside its own folder (the working folder and TMPDIR): {', '.join(sorted(set(outside)))}\n{error or ''}"
            outside.clear()
        results.append({"stdout": out.getvalue(), "error": error, "skipped": False})
    return results


_ALLOWED = ("/dev/null",)


def keep_inside(folder: str) -> list[str]:
    """Block and record every change to the file system outside `folder`.

    An example may write what it likes into its own folder; anything else would
    leave a trace on the reader's machine (or in the repository) and fails the
    example, even when the library that tried swallowed the error.
    """
    inside = os.path.realpath(folder) + os.sep
    # Caches and temporary files go into the folder too, so they are not false alarms.
    for name in ("TMPDIR", "HOME", "XDG_CACHE_HOME", "MPLCONFIGDIR", "TORCH_HOME", "TORCHINDUCTOR_CACHE_DIR"):
        os.environ[name] = folder
    tempfile.tempdir = folder
    sys.dont_write_bytecode = True  # imports must not write .pyc files next to the libraries
    outside: list[str] = []

    def hook(event: str, args: tuple) -> None:
        for real in traces.written(event, args):
            if not (real + os.sep).startswith(inside) and real not in _ALLOWED:
                outside.append(real)
                raise PermissionError(f"an example may only write inside its own folder, not to {real}")

    sys.addaudithook(hook)
    return outside


def child(job: dict, write_fd: int, folder: str) -> None:
    os.chdir(folder)
    # Output written straight to the file descriptors (worker processes, C code)
    # must not corrupt the protocol on stdout.
    stray = os.open(os.path.join(folder, ".stray-output"), os.O_WRONLY | os.O_CREAT)
    os.dup2(stray, 1)
    os.dup2(stray, 2)
    offline.block_network()
    outside = keep_inside(folder)
    try:
        payload = json.dumps({"id": job["id"], "results": run_blocks(job["blocks"], outside)})
    except BaseException:  # noqa: BLE001
        payload = json.dumps({"id": job["id"], "results": [{"stdout": "", "error": traceback.format_exc(), "skipped": False}]})
    with os.fdopen(write_fd, "w") as pipe:
        pipe.write(payload)


def main() -> None:
    for name in PRELOAD:
        __import__(name)
    workers = int(sys.argv[1]) if len(sys.argv) > 1 else WORKERS
    protocol = sys.stdout
    requests = sys.stdin.fileno()  # jobs arrive one per line, any time, until EOF
    buffer, pending, open_input = b"", [], True
    running: dict[int, tuple[int, dict, float, list[bytes], str]] = {}
    while pending or running or open_input:
        while pending and len(running) < workers:
            job = pending.pop(0)
            read_fd, write_fd = os.pipe()
            folder = tempfile.mkdtemp(prefix="pytorch-notes-")
            pid = os.fork()
            if pid == 0:
                os.close(read_fd)
                child(job, write_fd, folder)
                os._exit(0)
            os.close(write_fd)
            running[read_fd] = (pid, job, time.monotonic(), [], folder)
        ready, _, _ = select.select(list(running) + ([requests] if open_input else []), [], [], 1.0)
        for fd in ready:
            if fd == requests:
                chunk = os.read(requests, 1 << 16)
                open_input = bool(chunk)
                buffer += chunk
                *lines, buffer = buffer.split(b"\n")
                pending += [json.loads(line) for line in lines if line.strip()]
                continue
            chunk = os.read(fd, 1 << 16)
            if chunk:
                running[fd][3].append(chunk)
                continue
            pid, job, _, chunks, folder = running.pop(fd)
            os.close(fd)
            os.waitpid(pid, 0)
            shutil.rmtree(folder, ignore_errors=True)
            data = b"".join(chunks)
            if not data:
                died = f"the Python process died: a crash, os._exit, or the {TIMEOUT} s time limit"
                data = json.dumps({"id": job["id"], "results": [{"stdout": "", "error": died, "skipped": False}]}).encode()
            protocol.write(data.decode() + "\n")
            protocol.flush()
        for fd, (pid, job, started, *_) in list(running.items()):
            if time.monotonic() - started > TIMEOUT:
                os.kill(pid, 9)


if __name__ == "__main__":
    main()

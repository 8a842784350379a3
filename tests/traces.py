"""What an audit event writes to: shared by the example runner (an example may write
only inside its own folder) and the test process (no test writes into the tree)."""

from __future__ import annotations

import os

_WRITES = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
# Audit events that change the file system, and which of their arguments are paths.
_CHANGES = {"os.mkdir": (0,), "os.rename": (0, 1), "os.remove": (0,), "os.rmdir": (0,), "os.symlink": (1,),
            "os.link": (1,), "os.truncate": (0,), "os.chmod": (0,), "os.utime": (0,), "shutil.rmtree": (0,)}


def written(event: str, args: tuple) -> list[str]:
    """The real paths an audit event creates, writes, moves or removes (open file
    descriptors, such as pipes, are left out)."""
    if event == "open":
        path, mode, flags = args
        paths = [path] if (set(mode) & set("wax+") if mode is not None else flags & _WRITES) else []
    else:
        paths = [args[index] for index in _CHANGES.get(event, ())]
    return [os.path.realpath(os.fsdecode(path)) for path in paths if isinstance(path, (str, bytes, os.PathLike))]

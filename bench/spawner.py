"""A tiny process that starts the measured children and reports their wall time and peak RSS.

Why not spawn them from the bench process itself: on Linux, ``exec`` folds the high-water RSS of
the memory image it replaces into the child's ``ru_maxrss``. With ``vfork``/``posix_spawn`` (what
``subprocess`` uses) that image is the *parent's*, so every child of a 200 MB bench process would
report >= 200 MB. This spawner is started before the bench loads Qt or SQLAlchemy, stays a few MB,
and so the figure it reports is the child's own peak (or the spawner's ~10 MB, whichever is larger).

Protocol: one JSON object per line on stdin ``{"argv", "env", "cwd", "log", "timeout"}``; one per
line on stdout ``{"wall_s", "maxrss_kb", "exit"}``. Run with ``python -S``: stdlib only.
"""

import json
import os
import signal
import sys
import time
from typing import Any


def run(job: dict[str, Any]) -> dict[str, Any]:
    fd = os.open(job["log"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    devnull = os.open(os.devnull, os.O_RDONLY)
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child: redirect, then exec; never returns
        try:
            os.chdir(job["cwd"])
            os.dup2(devnull, 0)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.execve(job["argv"][0], job["argv"], job["env"])
        finally:
            os._exit(127)
    os.close(fd)
    os.close(devnull)
    signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
    signal.setitimer(signal.ITIMER_REAL, float(job["timeout"]))
    try:
        _, status, usage = os.wait4(pid, 0)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    wall = time.perf_counter() - started
    return {"wall_s": wall, "maxrss_kb": usage.ru_maxrss, "exit": os.waitstatus_to_exitcode(status)}


def main() -> None:
    for line in sys.stdin:
        if line.strip():
            sys.stdout.write(json.dumps(run(json.loads(line))) + "\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()

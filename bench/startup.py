"""Cold start to ready and peak RSS: ``python main.py --data-dir DIR`` in a child process.

``MOSTRADOR_EXIT_WHEN_READY=1`` makes the app quit once its window is shown and the event loop
is idle, so the child's wall time is "double-click to a till that takes a scan". Children are
started and reaped (``os.wait4``: ``ru_maxrss`` is the child's peak RSS) by bench/spawner.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench import floor
from bench.report import FLOOR_SUFFIX, Result, median
from pos.ledger.db import DB_FILENAME

REPO = Path(__file__).resolve().parents[1]
PYCACHE = REPO / "build" / "bench-cache" / "pycache"


@dataclass(frozen=True)
class Run:
    wall_s: float
    maxrss_mb: float


class Spawner:
    """Handle on bench/spawner.py: start it before the bench process grows (see that module)."""

    def __init__(self) -> None:
        self._proc = subprocess.Popen([sys.executable, "-S", str(Path(__file__).with_name("spawner.py"))],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def run(self, argv: list[str], env: dict[str, str], log: Path, timeout_s: float = 120.0) -> Run:
        assert self._proc.stdin is not None and self._proc.stdout is not None
        job = {"argv": argv, "env": env, "cwd": str(REPO), "log": str(log), "timeout": timeout_s}
        self._proc.stdin.write(json.dumps(job) + "\n")
        self._proc.stdin.flush()
        reply = json.loads(self._proc.stdout.readline())
        if reply["exit"] != 0:
            raise RuntimeError(f"{argv} exited with {reply['exit']}: {log.read_text(errors='replace')[-2000:]}")
        return Run(reply["wall_s"], reply["maxrss_kb"] / 1024)  # Linux reports ru_maxrss in KiB

    def close(self) -> None:
        if self._proc.stdin:
            self._proc.stdin.close()
        self._proc.wait(timeout=10)


def child_env(scratch: Path) -> dict[str, str]:
    """Offscreen, quit when ready, logs in the scratch dir; bytecode cached outside the source tree
    (an installed till has compiled .pyc files; the checkout may run with PYTHONDONTWRITEBYTECODE)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "MOSTRADOR_EXIT_WHEN_READY": "1",
           "MOSTRADOR_LOG_DIR": str(scratch / "logs"), "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    for name in ("MOSTRADOR_DATA_DIR", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    return env


BUNDLE = REPO / "dist" / "mostrador" / "mostrador"


def _bundle(spawner: Spawner, data_dir: Path, scratch: Path, runs: int, env: dict[str, str]) -> list[Result]:
    """The same start from the PyInstaller bundle, when ``make package`` has built one (not rebuilt here)."""
    exe = BUNDLE.with_suffix(".exe") if os.name == "nt" else BUNDLE
    if not exe.exists():
        return []
    argv = [str(exe), "--data-dir", str(data_dir), "--ready-exit"]
    try:
        spawner.run(argv, env, scratch / "bundle-warmup.log")
    except RuntimeError as exc:  # e.g. built before the last migration: it refuses the newer ledger
        print(f"  bundle_start_to_ready skipped: {exe} did not start on this ledger; `make package` rebuilds it "
              f"({str(exc).strip().splitlines()[-1][:200]})", flush=True)
        return []
    walls = [spawner.run(argv, env, scratch / f"bundle{i}.log").wall_s for i in range(runs)]
    return [Result("bundle_start_to_ready", median(walls), "s", 3.0,
                   note=f"dist/mostrador as last built; median of {runs}: " + ", ".join(f"{w:.2f}" for w in walls))]


def bench_startup(spawner: Spawner, data_dir: Path, scratch: Path, runs: int, scan_code: str) -> list[Result]:
    env = child_env(scratch)
    app_argv = [sys.executable, "main.py", "--data-dir", str(data_dir)]
    floor_argv = [sys.executable, "-c", floor.STARTUP_SNIPPET, str(data_dir / DB_FILENAME), scan_code]
    # One untimed run of each first: compiles bytecode into the cache and warms the OS file cache,
    # so the timed runs are the till's everyday start, not its first start after installation.
    spawner.run(app_argv, env, scratch / "start-warmup.log")
    spawner.run(floor_argv, env, scratch / "floor-warmup.log")
    app = [spawner.run(app_argv, env, scratch / f"start{i}.log") for i in range(runs)]
    raw = [spawner.run(floor_argv, env, scratch / f"floor{i}.log") for i in range(runs)]
    walls = [r.wall_s for r in app]
    bundle = _bundle(spawner, data_dir, scratch, runs, env)
    return [
        *bundle,
        Result("cold_start_to_ready", median(walls), "s", 2.5,
               note=f"median of {runs}: " + ", ".join(f"{w:.2f}" for w in walls)),
        Result("cold_start_to_ready" + FLOOR_SUFFIX, median([r.wall_s for r in raw]), "s", None),
        Result("peak_rss", max(r.maxrss_mb for r in app), "MB", 300.0, note=f"max of {runs} runs"),
        Result("peak_rss" + FLOOR_SUFFIX, max(r.maxrss_mb for r in raw), "MB", None),
    ]

"""Crash safety: SIGKILL a till process while it is committing sales, then check the file."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.integration.ledger.ledger_support import assert_ledger_consistent, raw_connect

REPO_ROOT = Path(__file__).resolve().parents[3]
CHILD = Path(__file__).with_name("ledger_kill_child.py")
LINE = re.compile(r"^([0-9a-f-]{36}) (T01-\d{6})\n$")
READY_TIMEOUT_S = 30.0

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX SIGKILL")


class ChildRun:
    """One child process; a thread drains its stdout so the pipe never blocks it."""

    def __init__(self, db: Path, seed: int, stderr_path: Path) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT),
                                                                          os.environ.get("PYTHONPATH")]))}
        self._stderr_path = stderr_path
        self._stderr = stderr_path.open("w")
        self.proc = subprocess.Popen([sys.executable, str(CHILD), str(db), str(seed)], stdout=subprocess.PIPE,
                                     stderr=self._stderr, text=True, cwd=REPO_ROOT, env=env)
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line == "READY\n":
                self.ready.set()
            else:
                self.lines.append(line)

    def kill(self) -> dict[str, str]:
        """SIGKILL, then the sales the child reported as committed: {receipt no: sale uuid}."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=10)
        self._reader.join(timeout=10)
        self._stderr.close()
        assert self.proc.returncode == -signal.SIGKILL, (
            f"child exited on its own ({self.proc.returncode}): {self._stderr_path.read_text()[-2000:]}")
        committed: dict[str, str] = {}
        for i, line in enumerate(self.lines):
            match = LINE.match(line)
            assert match or i == len(self.lines) - 1, f"garbled child output {line!r}"
            if match:  # a last line cut short by the kill does not count as acknowledged
                committed[match.group(2)] = match.group(1)
        return committed


def test_sigkill_mid_commit_leaves_no_partial_sale(tmp_path: Path) -> None:
    db = tmp_path / "ledger.sqlite3"
    seed = int(os.environ.get("LEDGER_KILL_SEED", time.time_ns() % 1_000_000))
    rng = random.Random(seed)
    acknowledged: dict[str, str] = {}
    rounds = 6
    for round_no in range(rounds):
        run = ChildRun(db, seed + round_no, tmp_path / f"child{round_no}.err")
        if round_no == 0:
            # First round: kill somewhere in start-up (imports, migrations, seeding) or the first sales.
            time.sleep(rng.uniform(0.8, 1.6))
        else:
            if not run.ready.wait(READY_TIMEOUT_S):
                run.proc.kill()
                pytest.fail(f"child never got ready (seed {seed}): {(tmp_path / f'child{round_no}.err').read_text()}")
            time.sleep(rng.uniform(0.05, 0.4))
        committed = run.kill()
        assert not acknowledged.keys() & committed.keys(), f"receipt number reused (seed {seed})"
        acknowledged.update(committed)

    receipts = assert_ledger_consistent(db)
    if os.environ.get("LEDGER_KILL_VERBOSE"):
        print(f"seed {seed}: {len(acknowledged)} acknowledged, {len(receipts)} stored")
    assert len(acknowledged) >= rounds, f"too few sales committed to mean anything (seed {seed})"
    missing = set(acknowledged) - set(receipts)
    assert not missing, f"acknowledged sales lost after SIGKILL (seed {seed}): {sorted(missing)}"
    # A kill between COMMIT and the print may leave at most one unacknowledged sale per round.
    assert len(receipts) - len(acknowledged) <= rounds
    with closing(raw_connect(db)) as conn:
        stored = dict(conn.execute("SELECT receipt_no, uuid FROM sales").fetchall())
    assert all(stored[r] == u for r, u in acknowledged.items()), "a receipt number now belongs to another sale"

"""Interpreter settings that keep the till's GUI thread responsive while other threads work.

Both are measured by ``bench/sync_bench.py`` (docs/BENCHMARKS.md, "The sync section"):

- A full garbage collection walks every object of the process while holding the GIL, in whichever
  thread happens to trigger it. After start-up the till holds ~125,000 objects (modules, functions,
  SQLAlchemy and Qt wrappers) that live until exit, and walking them took 70-110 ms: a frozen GUI
  thread, or a GUI thread waiting that long for the GIL while the sync thread collected.
  ``settle_heap`` collects once and moves the survivors to the permanent generation
  (``gc.freeze``), so later collections only walk what was created since.
- The GIL is handed over on request every ``sys.getswitchinterval()`` (5 ms by default). While the
  sync thread runs Python, every time the GUI thread comes back from Qt or SQLite it may wait that
  long for the GIL, many times per scan or paint. ``SYNC_SWITCH_INTERVAL_S`` shortens that wait
  while sync runs.
- On 2 cores the sync thread, its page reader and the GUI thread often want a CPU at the same
  moment, and a sale's commit then waited several ms for one. ``lower_thread_priority`` gives a
  background thread niceness ``BACKGROUND_NICENESS`` (Linux schedules threads one by one), so the
  GUI thread gets a CPU first; sync still has all the CPU the till leaves.
"""

from __future__ import annotations

import gc
import os
import sys
import threading

SYNC_SWITCH_INTERVAL_S = 0.00025
BACKGROUND_NICENESS = 10


def settle_heap() -> None:
    """Collect once, then exclude everything alive now from later collections (``gc.freeze``). Call it
    once, when start-up has built what lives for the whole session (never in a loop: objects frozen
    are never collected)."""
    gc.collect()
    gc.freeze()


def share_gil_finely() -> None:
    """A shorter GIL switch interval while a background thread (sync) competes with the GUI thread."""
    if sys.getswitchinterval() > SYNC_SWITCH_INTERVAL_S:
        sys.setswitchinterval(SYNC_SWITCH_INTERVAL_S)


def lower_thread_priority(niceness: int = BACKGROUND_NICENESS) -> bool:
    """Make the calling thread (only it) ``niceness`` nicer than the main thread; True when it is. Linux
    only: elsewhere, and where it is refused, the thread keeps the process's priority. (A thread starts
    with its creator's niceness, so a helper of a background thread asking again changes nothing.)"""
    if not sys.platform.startswith("linux"):
        return False
    try:
        tid = threading.get_native_id()
        target = min(os.getpriority(os.PRIO_PROCESS, os.getpid()) + niceness, 19)
        if os.getpriority(os.PRIO_PROCESS, tid) < target:
            os.setpriority(os.PRIO_PROCESS, tid, target)
    except OSError:
        return False
    return True

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
"""

from __future__ import annotations

import gc
import sys

SYNC_SWITCH_INTERVAL_S = 0.00025


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

"""The till first: a background handle on the ledger (the sync engine's) lets the till's own threads
finish what they are doing before it starts its next transaction.

The engine and the GUI thread share the GIL: while the engine runs Python (mapping a catalogue page,
building an executemany), a sale or a scan on the GUI thread advances only half the time. The engine's
ledger calls are its natural pauses, so each one first waits until the till's threads have left the
ledger alone for ``QUIET_S`` (a scan's look-up or a sale's commit is usually followed by the repaint
that shows it), never more than ``MAX_WAIT_S`` in all; and after such a wait ran out, the next ``FREE_S``
of background calls do not wait, so a till that never lets go slows sync down and never stops it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

QUIET_S = 0.03
MAX_WAIT_S = 0.2
YIELD_MAX_S = 0.05  # yield_to_till: a sale's commit takes 5-10 ms; a longer wait means a busy till, go on
# After a wait ran out (the till never let go), background calls go on without waiting for this long: a
# till that keeps using the ledger (a screen polling it) slows sync to about a fifth of its pace instead of
# stopping it, whatever the number of calls sync makes.
FREE_S = 0.05
TILL_AT_WORK_S = 2.0  # a cashier scanning a ticket touches the ledger every second or two (till_at_work)

_background_thread = threading.local()


def mark_background_thread() -> None:
    """Declare the calling thread a background one (the sync engine's, at its start): its calls on a
    background handle let the till go first, and its use of the till's own handle (the loyalty pull)
    does not count as the till's. A thread is never made one by merely using a background handle: the
    GUI thread reads the outbox counts through the engine's handle when it builds the engine, and
    would then have stopped counting as the till for the rest of the day."""
    _background_thread.yes = True


def is_background_thread() -> bool:
    return bool(getattr(_background_thread, "yes", False))


class ForegroundActivity:
    """When the till's threads (any thread that never used a background handle) last used the ledger."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._left = threading.Condition(self._guard)  # notified when the last till thread leaves
        self._active = 0
        self._last = float("-inf")
        self._free_until = float("-inf")  # see FREE_S
        self.waits = 0  # times a background call waited (tests read it)

    @contextmanager
    def using(self) -> Iterator[None]:
        if is_background_thread():  # e.g. the engine's own loyalty pull through the till's handle
            yield
            return
        with self._guard:
            self._active += 1
        try:
            yield
        finally:
            with self._guard:
                self._active -= 1
                self._last = time.monotonic()
                if not self._active:
                    self._left.notify_all()

    def wait_quiet(self, quiet_s: float | None = None, max_wait_s: float | None = None) -> None:
        """Block until the till's threads have been out of the ledger for ``quiet_s``, at most ``max_wait_s``
        (defaults: the module's ``QUIET_S`` and ``MAX_WAIT_S``)."""
        quiet_s = QUIET_S if quiet_s is None else quiet_s
        bounded = max_wait_s is None  # the engine's calls: the FREE_S budget applies
        if bounded and time.monotonic() < self._free_until:
            return
        deadline = time.monotonic() + (MAX_WAIT_S if max_wait_s is None else max_wait_s)
        waited = False
        while True:
            with self._guard:
                active, last = self._active, self._last
            now = time.monotonic()
            left = quiet_s if active else last + quiet_s - now
            if left <= 0 or now >= deadline:
                if waited:
                    self.waits += 1
                if left > 0 and bounded:
                    self._free_until = now + FREE_S
                return
            waited = True
            time.sleep(min(left, deadline - now, 0.01))

    def used_within(self, seconds: float) -> bool:
        """A till thread is in the ledger now, or left it less than ``seconds`` ago: a cashier at work."""
        return bool(self._active) or time.monotonic() - self._last < seconds

    def wait_while_active(self, max_wait_s: float) -> None:
        """Block while a till thread is in the ledger, at most ``max_wait_s`` (``yield_to_till``)."""
        if not self._active:  # read without the lock: the common case is one attribute look-up
            return
        if time.monotonic() < self._free_until:
            return
        with self._left:
            if not self._left.wait_for(lambda: not self._active, max_wait_s):
                self._free_until = time.monotonic() + FREE_S


_writing = threading.local()  # how deep the calling thread is in write transactions (Ledger._transaction)


@contextmanager
def writing() -> Iterator[None]:
    _writing.depth = getattr(_writing, "depth", 0) + 1
    try:
        yield
    finally:
        _writing.depth -= 1


def yield_to_till(max_wait_s: float = YIELD_MAX_S) -> None:
    """Background threads call this between small pieces of their own Python work (mapping one product,
    building one order): while a till thread is in the ledger (a sale's commit, a scan's look-up), wait
    for it, at most ``max_wait_s``. The till thread then has the GIL and a CPU to itself instead of
    taking turns with us every switch interval. A no-op on the till's own threads, and inside a write
    transaction (the till may be waiting for our writer lock)."""
    if not is_background_thread() or getattr(_writing, "depth", 0):
        return
    for activity in list(_ACTIVITY.values()):
        activity.wait_while_active(max_wait_s)


def till_at_work() -> bool:
    """A till thread used any ledger of this process within ``TILL_AT_WORK_S``, or is using one: a cashier
    at work, for whom background work takes smaller bites (``Ledger.till_at_work`` asks about one file)."""
    return any(activity.used_within(TILL_AT_WORK_S) for activity in list(_ACTIVITY.values()))


_ACTIVITY: dict[object, ForegroundActivity] = {}
_GUARD = threading.Lock()


def activity_for(key: object) -> ForegroundActivity:
    with _GUARD:
        return _ACTIVITY.setdefault(key, ForegroundActivity())

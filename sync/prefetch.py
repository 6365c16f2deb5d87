"""Read the next page while the caller works on this one.

A catalogue pull alternates two waits: the store (HTTP, JSON decoding, mapping) and the ledger
(writing the page). :func:`prefetched` runs the page source in a helper thread exactly one page
ahead of the caller, so the two overlap, and otherwise behaves like the source itself:

* pages arrive in order; the helper starts reading page *n+1* only once the caller has taken
  page *n*, so nothing is read more than one page ahead (a stopped pull wastes one request);
* an exception raised by the source reaches the caller, as the same exception object, after the
  pages read before it — where a plain loop would have raised it;
* when the caller stops iterating (``break``, ``return``, an exception, or ``close()``), the helper
  is told to stop, the request it may have in flight finishes (HTTP timeouts bound it), the
  source is closed in the helper's thread, and only then does the caller go on. So the source's
  objects (an HTTP session) are never used by two threads at once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from queue import SimpleQueue
from typing import TypeVar

from pos.ledger.foreground import is_background_thread, mark_background_thread
from pos.runtime_tuning import lower_thread_priority

T = TypeVar("T")


class _End:
    pass


class _Failed:
    def __init__(self, error: BaseException) -> None:
        self.error = error


def prefetched(source: Iterator[T], *, name: str = "prefetch") -> Iterator[T]:
    """Iterate ``source`` in a helper thread named ``name``, one item ahead of the caller."""
    handoff: SimpleQueue[tuple[T] | _End | _Failed] = SimpleQueue()
    may_read = threading.Semaphore(1)  # released each time the caller takes an item
    stop = threading.Event()

    background = is_background_thread()

    def produce() -> None:
        if background:  # reads for a background thread: lets the till go first too (yield_to_till)
            mark_background_thread()
            lower_thread_priority()
        try:
            while True:
                may_read.acquire()
                if stop.is_set():
                    return
                try:
                    item = next(source)
                except StopIteration:
                    handoff.put(_End())
                    return
                handoff.put((item,))
        except BaseException as exc:  # handed to the caller, raised there
            handoff.put(_Failed(exc))
        finally:
            close = getattr(source, "close", None)
            if close is not None:
                close()

    helper = threading.Thread(target=produce, name=name, daemon=True)
    helper.start()
    try:
        while True:
            message = handoff.get()
            if isinstance(message, _End):
                return
            if isinstance(message, _Failed):
                error, message = message.error, None
                raise error
            may_read.release()  # read the next page while the caller works on this one
            yield message[0]
    finally:
        stop.set()
        may_read.release()
        helper.join()

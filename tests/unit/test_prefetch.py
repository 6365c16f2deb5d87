"""``sync.prefetch.prefetched``: one item ahead in a helper thread, otherwise a plain loop."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from sync.prefetch import prefetched


class Source:
    """Numbers 0..n-1, noting how many were read, from which thread, and whether it was closed."""

    def __init__(self, n: int, fail_at: int | None = None) -> None:
        self.n, self.fail_at = n, fail_at
        self.read = 0
        self.threads: set[str] = set()
        self.closed = threading.Event()
        self.error = RuntimeError("page 3 failed")

    def __iter__(self) -> Iterator[int]:
        try:
            for i in range(self.n):
                self.threads.add(threading.current_thread().name)
                if i == self.fail_at:
                    raise self.error
                self.read += 1
                yield i
        finally:
            self.closed.set()


def _settle() -> None:
    time.sleep(0.05)  # long enough for the helper to read ahead if it were allowed to


def test_items_arrive_in_order_read_by_the_helper_at_most_one_ahead() -> None:
    source = Source(6)
    got = []
    for item in prefetched(iter(source), name="test-prefetch"):
        _settle()
        got.append(item)
        assert source.read == min(item + 2, 6)  # this one and the next, never more
    assert got == list(range(6))
    assert source.threads == {"test-prefetch"} and source.closed.is_set()
    assert not any(t.name == "test-prefetch" for t in threading.enumerate())


def test_an_error_reaches_the_caller_after_the_items_before_it_as_the_same_object() -> None:
    source = Source(6, fail_at=3)
    got = []
    with pytest.raises(RuntimeError) as raised:
        for item in prefetched(iter(source), name="test-prefetch"):
            got.append(item)
    assert got == [0, 1, 2] and raised.value is source.error
    assert not any(t.name == "test-prefetch" for t in threading.enumerate())


@pytest.mark.parametrize("how", ["break", "close", "exception"])
def test_stopping_early_stops_and_closes_the_source_before_the_caller_goes_on(how: str) -> None:
    source = Source(100)
    pages = prefetched(iter(source), name="test-prefetch")
    try:
        for item in pages:
            _settle()
            if item == 2:
                if how == "break":
                    break
                if how == "close":
                    pages.close()  # type: ignore[attr-defined]
                    break
                raise KeyError("applying page 2 failed")
    except KeyError:
        assert how == "exception"
    del pages
    assert source.closed.is_set()  # closed (in the helper) before we got here
    assert source.read == 4  # page 2 and the one read ahead; nothing after
    assert not any(t.name == "test-prefetch" for t in threading.enumerate())


def test_nothing_is_read_until_the_first_item_is_asked_for() -> None:
    source = Source(3)
    pages = prefetched(iter(source))
    _settle()
    assert source.read == 0
    assert list(pages) == [0, 1, 2]

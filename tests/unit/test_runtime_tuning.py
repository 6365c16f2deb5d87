"""pos.runtime_tuning: the interpreter settings the app makes for a responsive GUI thread."""

from __future__ import annotations

import gc
import os
import sys
import threading
import weakref
from collections.abc import Iterator

import pytest

from pos.runtime_tuning import (
    BACKGROUND_NICENESS,
    SYNC_SWITCH_INTERVAL_S,
    lower_thread_priority,
    settle_heap,
    share_gil_finely,
)


@pytest.fixture
def switch_interval() -> Iterator[None]:
    saved = sys.getswitchinterval()
    yield
    sys.setswitchinterval(saved)


def test_share_gil_finely_shortens_the_switch_interval(switch_interval: None) -> None:
    sys.setswitchinterval(0.005)
    share_gil_finely()
    assert sys.getswitchinterval() == pytest.approx(SYNC_SWITCH_INTERVAL_S)


def test_share_gil_finely_never_lengthens_it(switch_interval: None) -> None:
    sys.setswitchinterval(0.0002)
    share_gil_finely()
    assert sys.getswitchinterval() == pytest.approx(0.0002)


def test_settle_heap_freezes_what_is_alive_and_collects_garbage_first() -> None:
    class Node:
        def __init__(self) -> None:
            self.me = self

    kept = Node()
    garbage = weakref.ref(Node())  # a reference cycle nobody holds: must be collected, not frozen forever
    assert garbage() is not None
    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
        assert garbage() is None
        assert not any(o is kept for o in gc.get_objects())  # frozen: later collections skip it
        assert kept.me is kept
    finally:
        gc.unfreeze()
    assert any(o is kept for o in gc.get_objects())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="per-thread niceness is Linux's")
def test_a_background_thread_gets_a_lower_priority_and_only_it() -> None:
    seen: dict[str, int] = {}

    def background() -> None:
        seen["done"] = int(lower_thread_priority())
        seen["self"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

        def helper() -> None:  # e.g. the page reader it starts: already as nice, not nicer
            lower_thread_priority()
            seen["helper"] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

        inner = threading.Thread(target=helper)
        inner.start()
        inner.join(10)

    main_before = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    thread = threading.Thread(target=background)
    thread.start()
    thread.join(10)
    expected = min(main_before + BACKGROUND_NICENESS, 19)
    assert seen == {"done": 1, "self": expected, "helper": expected}
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == main_before

"""pos.runtime_tuning: the interpreter settings the app makes for a responsive GUI thread."""

from __future__ import annotations

import gc
import sys
import weakref
from collections.abc import Iterator

import pytest

from pos.runtime_tuning import SYNC_SWITCH_INTERVAL_S, settle_heap, share_gil_finely


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

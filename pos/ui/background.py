"""Running a blocking call (HTTP through a service port, a network scan, a test page) off the UI thread,
with the answer delivered back on the UI thread. Workers never touch widgets; the callbacks do."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)


class _Bridge(QObject):
    done = Signal(object, object)  # job, outcome


class Background(QObject):
    """``run(work, on_done, on_error)``: ``work()`` on a daemon thread; one callback later on the GUI thread.
    Results that arrive after the owner is gone are dropped with it."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[BaseException], None]]] = {}
        self._next = 0
        self.running = 0

    def run(self, work: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        self._next += 1
        job = self._next
        self._callbacks[job] = (on_done, on_error)
        self.running += 1
        bridge = self._bridge

        def target() -> None:
            try:
                outcome: object = _Ok(work())
            except BaseException as exc:  # handed to on_error on the GUI thread
                outcome = exc
            with contextlib.suppress(RuntimeError):  # the owner was closed meanwhile
                bridge.done.emit(job, outcome)

        threading.Thread(target=target, name="ui-background", daemon=True).start()

    def _finish(self, job: int, outcome: object) -> None:
        self.running -= 1
        on_done, on_error = self._callbacks.pop(job)
        if isinstance(outcome, _Ok):
            on_done(outcome.value)
        else:
            assert isinstance(outcome, BaseException)
            on_error(outcome)


class BackgroundTask:
    """``BackgroundTask(parent, work, on_done).start()``: ``on_done(result, error)`` runs on the GUI thread
    when ``work()`` returns or raises (the error is logged with its traceback)."""

    def __init__(self, parent: QObject, work: Callable[[], Any],
                 on_done: Callable[[Any, BaseException | None], None]) -> None:
        self._background = Background(parent)
        self._work = work
        self._on_done = on_done

    def start(self) -> None:
        self._background.run(self._work, lambda result: self._on_done(result, None), self._failed)

    def _failed(self, error: BaseException) -> None:
        log.error("background task failed", exc_info=error)
        self._on_done(None, error)


class _Ok:
    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

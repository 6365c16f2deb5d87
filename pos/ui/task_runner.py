"""Background work for screens: run a callable on a worker thread, get the result (or the error) back
on the GUI thread through a queued signal. Workers never touch widgets."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Carrier(QObject):
    finished = Signal(object, object)  # result, error


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], carrier: _Carrier) -> None:
        super().__init__()
        self._fn = fn
        self._carrier = carrier

    def run(self) -> None:  # on a pool thread
        try:
            result = self._fn()
        except BaseException as exc:  # delivered to the GUI thread, which decides how to show it
            self._carrier.finished.emit(None, exc)
            return
        self._carrier.finished.emit(result, None)


class TaskRunner(QObject):
    """``runner.run(fn, on_done, on_error)``: ``fn`` runs on a worker thread; one of the callbacks runs
    on the GUI thread afterwards (unless the runner was destroyed with its screen)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._busy: set[_Carrier] = set()

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None]) -> None:
        carrier = _Carrier(self)
        self._busy.add(carrier)

        def deliver(result: Any, error: BaseException | None) -> None:
            self._busy.discard(carrier)
            carrier.deleteLater()
            if error is not None:
                on_error(error)
            else:
                on_done(result)

        carrier.finished.connect(deliver)
        self._pool.start(_Task(fn, carrier))

    @property
    def busy(self) -> bool:
        return bool(self._busy)

    def wait(self, msecs: int = 10_000) -> bool:
        """Tests and shutdown: wait for the running tasks (their callbacks still need the event loop)."""
        return self._pool.waitForDone(msecs)

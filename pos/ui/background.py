"""Run a blocking call (a store check, a network scan, a test page) off the GUI thread; the result comes back
on the GUI thread through a queued signal."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object, object)  # result, exception


class BackgroundTask:
    """``BackgroundTask(parent, work, on_done).start()``: ``on_done(result, error)`` runs on the GUI thread
    when ``work()`` returns or raises. The parent keeps the relay alive; a closed dialog drops the answer."""

    def __init__(self, parent: QObject, work: Callable[[], Any],
                 on_done: Callable[[Any, BaseException | None], None]) -> None:
        self._relay = _Relay(parent)
        self._relay.done.connect(on_done)
        self._work = work

    def start(self) -> None:
        threading.Thread(target=self._run, name="ui-background", daemon=True).start()

    def _run(self) -> None:
        try:
            result, error = self._work(), None
        except Exception as exc:  # shown by on_done; logged with its traceback here
            log.exception("background task failed")
            result, error = None, exc
        with contextlib.suppress(RuntimeError):  # the dialog was closed meanwhile
            self._relay.done.emit(result, error)

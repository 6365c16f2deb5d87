"""Application-wide keyboard-wedge scanner detection: bursts become ``scanned(code)``, typing is untouched.

Install one ``WedgeFilter`` for the application. It watches whichever window has the focus (the
main window, a dialog): keys and clicks reach a window before its widgets, so it sees every key press
before the focused widget does (quantity field, search, a dialog), while paint and layout events —
which go straight to widgets — never run its Python (an application-wide filter would, taking the GIL
from the sync thread for each one). It asks ``pos.devices.wedge.WedgeDetector`` what the key is,
holds keys that may start a scan and, when the burst qualifies, swallows it and emits ``scanned``.
Keys that turn out to be typing are replayed to the widget that had the focus, in order, within
the gap (see the trade-off in ``pos/devices/wedge.py``).

Times come from the key events' own timestamps (so a busy GUI thread that delivers a person's keys
late does not make them look like a burst), or from an injected ``clock`` in tests.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from pos.devices.wedge import Action, Decision, WedgeConfig, WedgeDetector

_TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
_CHORD = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
_HUMAN_EVENTS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin})
RELEASE_SLACK_MS = 15  # on top of the gap, before held keys are given back as typing


@dataclass(frozen=True, slots=True)
class _HeldKey:
    target: QWidget
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


class WedgeFilter(QObject):
    """Event filter for the whole application. Connect ``scanned`` to ``SaleView.scan``."""

    scanned = Signal(str)  # emitted from the key that ends the burst, like QLineEdit.returnPressed

    def __init__(self, config: WedgeConfig | None = None, *, clock: Callable[[], float] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._detector: WedgeDetector[_HeldKey] = WedgeDetector(config)
        self._clock = clock
        self._replaying = False
        self._swallow_release: Counter[int] = Counter()
        self._app: QGuiApplication | None = None
        self._windows: list[QWindow] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(self._detector.config.max_gap * 1000) + RELEASE_SLACK_MS)
        self._timer.timeout.connect(self._on_timeout)

    @property
    def config(self) -> WedgeConfig:
        return self._detector.config

    def install(self, app: QGuiApplication | None = None) -> None:
        """Start filtering the key events of the focused window, whichever it is."""
        instance = app or QGuiApplication.instance()
        if not isinstance(instance, QGuiApplication):
            return
        self._app = instance
        instance.focusWindowChanged.connect(self._watch)
        self._watch(instance.focusWindow())

    def uninstall(self) -> None:
        """Stop filtering; keys held at that moment are delivered."""
        self._timer.stop()
        self._deliver(self._detector.reset())
        if self._app is not None:
            self._app.focusWindowChanged.disconnect(self._watch)
            self._app = None
        for window in self._windows:
            if shiboken6.isValid(window):
                window.removeEventFilter(self)
        self._windows.clear()

    def _watch(self, window: QWindow | None) -> None:
        if window is None or any(w is window for w in self._windows):
            return
        self._windows = [w for w in self._windows if shiboken6.isValid(w)]
        self._windows.append(window)
        window.installEventFilter(self)

    # --- the filter -----------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if self._replaying:
            return False
        if kind in _HUMAN_EVENTS:
            if self._detector.pending:  # a touch or click: what is held was typed by a person
                self._timer.stop()
                self._deliver(self._detector.reset())
            return False
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        target = self._receiver(obj)
        if target is None or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if kind == QEvent.Type.KeyRelease:
            if self._swallow_release[key] > 0 and not event.isAutoRepeat():
                self._swallow_release[key] -= 1
                return True
            return False
        t = self._time(event)
        held = _HeldKey(target, key, event.modifiers(), event.text())
        text = event.text()
        if event.isAutoRepeat() or event.modifiers() & _CHORD:
            decision: Decision[_HeldKey] = self._detector.other(held, t)
        elif key in _TERMINATORS:
            decision = self._detector.terminator(held, t)
        elif len(text) == 1 and text.isprintable():
            decision = self._detector.key(held, text, t)
        else:
            decision = self._detector.other(held, t)
        self._deliver(decision.replay)
        if decision.action is Action.PASS:
            if not self._detector.pending:
                self._timer.stop()
            return False
        self._swallow_release[key] += 1
        if decision.action is Action.HOLD:
            self._timer.start()
            return True
        self._timer.stop()
        if decision.action is Action.SCAN and decision.code:
            # Last, with the detector already idle: a slot may open a dialog (a nested event loop) safely.
            self.scanned.emit(decision.code)
        return True

    # --- helpers --------------------------------------------------------------------------------
    @staticmethod
    def _receiver(obj: QObject) -> QWidget | None:
        """The widget a key arriving at window ``obj`` is for: the focus widget, else the window's own."""
        if not isinstance(obj, QWindow):
            return None
        focus = QApplication.focusWidget()
        if focus is not None and focus.window().windowHandle() is obj:
            return focus
        for widget in QApplication.topLevelWidgets():
            if widget.windowHandle() is obj:
                return widget
        return None

    def _time(self, event: QKeyEvent) -> float:
        if self._clock is not None:
            return self._clock()
        stamp = event.timestamp()
        return stamp / 1000 if stamp else time.monotonic()

    def _on_timeout(self) -> None:
        self._deliver(self._detector.expire())

    def _deliver(self, keys: tuple[_HeldKey, ...]) -> None:
        """Give typed keys back to the widget they were meant for, press and release, in order."""
        if not keys:
            return
        self._replaying = True
        try:
            for held in keys:
                if not shiboken6.isValid(held.target):
                    continue
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QCoreApplication.sendEvent(held.target, QKeyEvent(kind, held.key, held.modifiers, held.text))
        finally:
            self._replaying = False

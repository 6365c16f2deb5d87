"""Search as you type in the sale screen's scan field: results float over the cart after a short
pause, the arrows move through them, Esc closes them, and Enter adds the chosen product or scans
the code."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent

from pos.domain.errors import DomainError
from pos.ui.messages import describe

if TYPE_CHECKING:
    from pos.ui.sale_view import SaleView

SEARCH_DELAY_MS = 120  # a scanner finishes a whole code well inside this; people type slower


class ScanSearch(QObject):
    def __init__(self, view: SaleView) -> None:
        super().__init__(view)
        self._view = view
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run_search)
        view.scan_input.returnPressed.connect(self._on_enter)
        view.scan_input.textEdited.connect(self._on_typed)
        view.scan_input.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        view = self._view
        if obj is view.scan_input and event.type() == QEvent.Type.KeyPress and view.results.isVisible():
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                view.results.step(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key == Qt.Key.Key_Escape:
                view.results.dismiss()
                return True
        return super().eventFilter(obj, event)

    def _on_typed(self, text: str) -> None:
        if len(text.strip()) >= 2:
            self._timer.start(SEARCH_DELAY_MS)
        else:
            self._timer.stop()
            self._view.results.dismiss()

    def _run_search(self) -> None:
        view = self._view
        if view.till is None:
            return
        text = view.scan_input.text().strip()
        if len(text) < 2:
            return
        try:
            found = view.till.search(text)
        except DomainError as exc:
            view.message.show_message(describe(exc))
            return
        geo = view.scan_input.geometry()
        rows = max(1, min(len(found), 10))
        view.results.setGeometry(geo.x(), geo.bottom() + 2, geo.width(), rows * 34 + 6)
        view.results.show_results(found)
        view.results.raise_()

    def _on_enter(self) -> None:
        view = self._view
        self._timer.stop()
        text = view.scan_input.text().strip()
        chosen = view.results.current_product()
        if not text:
            return
        if chosen is not None and not text.isdigit():
            view._add_product(chosen)
            return
        view.scan(text)

"""The online store as the cashier sees it: one status line, and a panel for the manager with
what waits and what the store refused, with retry / resolve."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.dto import OutboxItem, SyncStatus, UserView
from pos.services.stock_drift import DriftLine
from pos.services.sync_admin import SyncAdminService
from pos.ui.approval_dialog import with_approval
from pos.ui.messages import describe
from pos.ui.row_table_model import RowTableModel
from pos.ui.sync_reasons import reason_text, reason_tooltip
from pos.ui.theme import style
from pos.ui.widgets import make_button


class SyncStatusBridge(QObject):
    """Carries SyncStatus from the sync thread to the GUI thread (queued signal)."""

    changed = Signal(object)

    def publish(self, status: SyncStatus) -> None:  # called on the sync thread
        self.changed.emit(status)


def status_text(status: SyncStatus | None, fmt: Formatter) -> tuple[str, str]:
    """(text, colour). The words carry the meaning; the dot's colour only repeats it."""
    if status is None or not status.configured:
        return QCoreApplication.translate("SyncStatus", "● Online store: not connected"), "#6b7280"
    if status.auth_failed:
        text = QCoreApplication.translate("SyncStatus", "● Online store: credentials refused")
        colour = "#b3261e"
    elif not status.online:
        since = fmt.datetime(status.offline_since) if status.offline_since else "?"
        text = QCoreApplication.translate("SyncStatus", "● Online store: offline since %1").replace("%1", since)
        colour = "#b45309"
    elif status.pending:
        text, colour = QCoreApplication.translate("SyncStatus", "● Online store: sending"), "#0b57d0"
    else:
        text, colour = QCoreApplication.translate("SyncStatus", "● Online store: up to date"), "#0b6e2f"
    if status.pending:
        text += " · " + QCoreApplication.translate("SyncStatus", "%n pending", None, status.pending)
    if status.parked:
        text += " · " + QCoreApplication.translate("SyncStatus", "%n refused", None, status.parked)
        colour = "#b3261e"
    return text, colour


REASON_COLUMN = 4


class OutboxModel(RowTableModel[OutboxItem]):
    def __init__(self, fmt: Formatter) -> None:
        super().__init__([self.tr("State"), self.tr("Document"), self.tr("Created"), self.tr("Attempts"),
                          self.tr("Reason")])
        self._fmt = fmt

    def set_items(self, items: list[OutboxItem]) -> None:
        self.set_rows(items)

    def item(self, row: int) -> OutboxItem | None:
        return self.row_at(row)

    def cell(self, item: OutboxItem, column: int) -> str:
        states = {"pending": self.tr("Waiting"), "parked": self.tr("Refused")}
        return [states.get(item.status, item.status), item.label, self._fmt.datetime(item.created_at),
                str(item.attempts), reason_text(item.reason)][column]

    def tooltip(self, item: OutboxItem, column: int) -> str | None:
        return reason_tooltip(item.reason) if column == REASON_COLUMN else None


class DriftModel(RowTableModel[DriftLine]):
    right_aligned = frozenset({2, 3, 4, 5})

    def __init__(self, fmt: Formatter) -> None:
        super().__init__([self.tr("SKU"), self.tr("Product"), self.tr("In shop"), self.tr("Online"),
                          self.tr("Not yet sent"), self.tr("Difference")])
        self._fmt = fmt

    def set_lines(self, lines: list[DriftLine]) -> None:
        self.set_rows(lines)

    def cell(self, line: DriftLine, column: int) -> str:
        q = self._fmt.quantity
        drift = ("+" if line.drift > 0 else "") + q(line.drift)
        return [line.sku, line.name, q(line.on_hand), q(line.online), q(line.pending), drift][column]


class SyncPanel(QDialog):
    def __init__(self, parent: QWidget | None, admin: SyncAdminService, user: UserView, fmt: Formatter,
                 status: SyncStatus | None, on_changed: Callable[[], None], on_resync: Callable[[], None],
                 drift: Callable[[], list[DriftLine]] | None = None,
                 on_configure: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPanel")
        self.setWindowTitle(self.tr("Online store synchronisation"))
        self.resize(900, 500)
        self._admin = admin
        style(self)
        self._user = user
        self._on_changed = on_changed
        layout = QVBoxLayout(self)
        self.summary = QLabel(status_text(status, fmt)[0])
        layout.addWidget(self.summary)
        if status is not None and status.last_error:
            problem = QLabel(self.tr("Last problem: %1").replace("%1", reason_text(status.last_error)))
            problem.setObjectName("lastProblemLabel")
            problem.setWordWrap(True)
            problem.setToolTip(reason_tooltip(status.last_error))
            layout.addWidget(problem)
        self.model = OutboxModel(fmt)
        self.table = QTableView()
        self.table.setObjectName("outboxTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(REASON_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        # A reason is a sentence a manager must read whole: wrapped, each row as tall as it needs.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self._drift = drift
        self.drift_model = DriftModel(fmt)
        self.drift_table = QTableView()
        self.drift_table.setObjectName("driftTable")
        self.drift_table.setModel(self.drift_model)
        self.drift_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        tabs = QTabWidget()
        tabs.addTab(self.table, self.tr("Documents"))
        tabs.addTab(self.drift_table, self.tr("Stock differences"))
        layout.addWidget(tabs, 1)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b3261e; font-weight:bold;")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.retry_button = make_button(self.tr("Retry"), self.retry, "retryEventButton")
        self.resolve_button = make_button(self.tr("Mark as resolved"), self.resolve, "resolveEventButton")
        resync = make_button(self.tr("Reload catalogue"), on_resync, "resyncButton")
        close = make_button(self.tr("Close"), self.accept)
        for button in (self.retry_button, self.resolve_button, resync):
            buttons.addWidget(button)
        if on_configure is not None:
            configure = make_button(self.tr("Store settings…"), on_configure, "storeSettingsButton")
            buttons.addWidget(configure)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self.model.set_items(self._admin.events())
        if self._drift is not None:
            self.drift_model.set_lines(self._drift())

    def _selected(self) -> OutboxItem | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def retry(self) -> None:
        item = self._selected()
        if item is None or item.status != "parked":
            self.error.setText(self.tr("Select a refused document first."))
            return
        self._act(lambda pin: self._admin.retry(item.event_id, self._user, pin))

    def resolve(self) -> None:
        item = self._selected()
        if item is None or item.status != "parked":
            self.error.setText(self.tr("Select a refused document first."))
            return
        note, ok = QInputDialog.getText(self, self.tr("Mark as resolved"), self.tr("What was done in the store?"))
        if ok:
            self._act(lambda pin: self._admin.resolve(item.event_id, self._user, note, pin))

    def _act(self, action: Callable[[str | None], None]) -> None:
        try:
            with_approval(self, action)
        except DomainError as exc:
            self.error.setText(describe(exc))
            return
        self.error.clear()
        self.reload()
        self._on_changed()

"""The pickup desk's "needs a manager" page: conflicts between the store and the till and refused
hand-overs, each marked resolved with what was done (a manager's PIN; the service enforces it)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.dto import UserView
from pos.services.pickup_resolutions import PickupResolutions, ResolutionEntry
from pos.ui.approval_dialog import with_approval
from pos.ui.messages import describe
from pos.ui.row_table_model import RowTableModel
from pos.ui.widgets import make_button


class ResolutionModel(RowTableModel[ResolutionEntry]):
    def __init__(self, fmt: Formatter) -> None:
        super().__init__([self.tr("When"), self.tr("Order"), self.tr("What happened"), self.tr("Here"),
                          self.tr("Resolved")])
        self._fmt = fmt

    def what(self, entry: ResolutionEntry) -> str:
        texts = {
            "cancelled_online_after_handover": self.tr("Cancelled online after it was handed over"),
            "order_cancelled_online": self.tr("Handed over here, but the store had cancelled it"),
            "completed_online": self.tr("Completed online while it was still open here"),
            "order_completed_online": self.tr("Cancelled here, but the store had completed it"),
            "cancelled_online": self.tr("Hand-over refused: cancelled online"),
        }
        return texts.get(entry.what, entry.what)

    def state(self, state: str) -> str:
        return {"new": self.tr("New"), "preparing": self.tr("Preparing"), "ready": self.tr("Ready"),
                "partially_collected": self.tr("Partly collected"), "collected": self.tr("Collected"),
                "no_show": self.tr("Not collected"), "cancelled": self.tr("Cancelled")}.get(state, state)

    def cell(self, e: ResolutionEntry, column: int) -> str:
        resolved = f"✔ {e.resolved_by}: {e.resolution}" if e.resolved else ""
        return [self._fmt.datetime(e.at), f"#{e.number}", self.what(e), self.state(e.state), resolved][column]


class ResolutionsView(QWidget):
    def __init__(self, resolutions: PickupResolutions, user: UserView, fmt: Formatter,
                 say: Callable[[str, bool], None]) -> None:
        super().__init__()
        self._resolutions, self._user, self._say = resolutions, user, say
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(self.tr("What the online store and this till disagree on. Settle it (refund, call the "
                               "customer, correct stock) and mark it resolved with what you did."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ResolutionModel(fmt)
        self.table = QTableView()
        self.table.setObjectName("pickupResolutionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.show_resolved = QCheckBox(self.tr("Show resolved"))
        self.show_resolved.setObjectName("showResolvedCheck")
        self.show_resolved.toggled.connect(lambda _: self.reload())
        self.resolve_button = make_button(self.tr("Mark resolved…"), self.resolve, "resolvePickupButton")
        row.addWidget(self.show_resolved)
        row.addStretch(1)
        row.addWidget(self.resolve_button)
        layout.addLayout(row)

    def reload(self) -> int:
        rows = self._resolutions.entries(include_resolved=self.show_resolved.isChecked())
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
        return sum(1 for r in rows if not r.resolved)

    def selected(self) -> ResolutionEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def resolve(self) -> None:
        entry = self.selected()
        if entry is None or entry.resolved:
            return
        note, ok = QInputDialog.getText(self, self.tr("Mark resolved"),
                                        self.tr("What was done (refund, stock corrected, customer called…):"))
        if not ok:
            return
        try:
            done = with_approval(self, lambda pin: self._resolutions.resolve(
                entry.entry_id, self._user, approver_pin=pin, note=note))
        except DomainError as exc:
            self._say(describe(exc), True)
            return
        if done is not None:
            self._say(self.tr("Resolved: order %1.").replace("%1", f"#{done.number}"), False)
            self.reload()

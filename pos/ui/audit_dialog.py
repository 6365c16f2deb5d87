"""The audit log for a manager: who did what, when, approved by whom — filtered by date, person and action,
with the state of the hash chain (altered entries show as a broken chain)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import DomainError
from pos.formatting import Formatter
from pos.services.audit_log import AuditLogService
from pos.services.dto import UserView
from pos.services.shift_dto import AuditView
from pos.ui.messages import describe
from pos.ui.row_table_model import RowTableModel
from pos.ui.theme import style, style_table
from pos.ui.widgets import make_button


class AuditModel(RowTableModel[AuditView]):
    def __init__(self, fmt: Formatter, headers: list[str]) -> None:
        super().__init__(headers)
        self._fmt = fmt

    def cell(self, row: AuditView, column: int) -> str:
        if column == 0:
            return self._fmt.datetime(row.at)
        if column == 1:
            return row.user
        if column == 2:
            return row.action
        if column == 3:
            return row.approved_by
        return json.dumps(row.details, ensure_ascii=False, sort_keys=True)[:300]


class AuditLogDialog(QDialog):
    def __init__(self, parent: QWidget | None, audit: AuditLogService, viewer: UserView, fmt: Formatter) -> None:
        super().__init__(parent)
        self.setObjectName("auditLogDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1100, 700)
        style(self)
        self._audit, self._viewer = audit, viewer
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        today = QDate.currentDate()
        self.from_date = QDateEdit(today.addDays(-7))
        self.from_date.setObjectName("auditFromDate")
        self.to_date = QDateEdit(today)
        self.to_date.setObjectName("auditToDate")
        for edit in (self.from_date, self.to_date):
            edit.setCalendarPopup(True)
            edit.setMinimumHeight(40)
        self.user_filter = QComboBox()
        self.user_filter.setObjectName("auditUserFilter")
        self.user_filter.addItem(self.tr("Everyone"), None)
        for user_id, name in audit.people():
            self.user_filter.addItem(name, user_id)
        self.action_filter = QComboBox()
        self.action_filter.setObjectName("auditActionFilter")
        self.action_filter.addItem(self.tr("All actions"), "")
        groups = sorted({a.split(".")[0] + "." for a in audit.actions() if "." in a})
        for action in [*groups, *audit.actions()]:
            self.action_filter.addItem(action, action)
        for caption, widget in ((self.tr("From"), self.from_date), (self.tr("To"), self.to_date),
                                (self.tr("Person"), self.user_filter), (self.tr("Action"), self.action_filter)):
            filters.addWidget(QLabel(caption))
            filters.addWidget(widget)
        filters.addWidget(make_button(self.tr("Show"), self.refresh, "auditShowButton"))
        layout.addLayout(filters)
        self.model = AuditModel(fmt, [self.tr("When"), self.tr("Who"), self.tr("Action"), self.tr("Approved by"),
                                      self.tr("Details")])
        self.table = QTableView()
        self.table.setObjectName("auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        style_table(self.table)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("auditStatusLabel")
        self.chain = QLabel()
        self.chain.setObjectName("auditChainLabel")
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.chain)
        bottom.addWidget(make_button(self.tr("Close"), self.accept, "auditCloseButton"))
        layout.addLayout(bottom)
        self.refresh()

    def refresh(self) -> None:
        start = datetime.combine(self.from_date.date().toPython(), time.min).astimezone(UTC)
        end = (datetime.combine(self.to_date.date().toPython(), time.min) + timedelta(days=1)).astimezone(UTC)
        try:
            rows = self._audit.entries(self._viewer, since=start, until=end, user_id=self.user_filter.currentData(),
                                       action=self.action_filter.currentData() or "")
            intact = self._audit.chain_ok()
        except DomainError as exc:
            self.status.setText(describe(exc))
            return
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.status.setText(self.tr("%n entries", "", len(rows)))
        if intact:
            self.chain.setText(self.tr("✔ Chain intact: no entry was altered"))
            self.chain.setStyleSheet("color:#0b6e2f; font-weight:bold;")
        else:
            self.chain.setText(self.tr("✖ Chain broken: entries were altered"))
            self.chain.setStyleSheet("color:#b3261e; font-weight:bold;")

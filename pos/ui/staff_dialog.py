"""Staff accounts for an administrator: add a person with a role and PIN, change a role, reset a PIN,
deactivate or reactivate. The service checks the role and audits every change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos.domain.errors import DomainError
from pos.domain.roles import ROLES
from pos.services.dto import UserView
from pos.services.shift_dto import StaffView
from pos.services.staff import StaffService
from pos.ui.message_bar import MessageBar
from pos.ui.messages import describe
from pos.ui.row_table_model import RowTableModel
from pos.ui.staff_messages import role_name
from pos.ui.theme import style, style_table
from pos.ui.widgets import make_button


class StaffModel(RowTableModel[StaffView]):
    def __init__(self, headers: list[str], active: str, inactive: str) -> None:
        super().__init__(headers)
        self._words = (inactive, active)

    def cell(self, row: StaffView, column: int) -> str:
        return (row.name, role_name(row.role), self._words[row.active])[column]


def _pin_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(8)
    return field


class StaffDialog(QDialog):
    def __init__(self, parent: QWidget | None, staff: StaffService, admin: UserView) -> None:
        super().__init__(parent)
        self.setObjectName("staffDialog")
        self.setWindowTitle(self.tr("Staff"))
        self.resize(900, 780)
        style(self)
        self._staff, self._admin = staff, admin
        layout = QVBoxLayout(self)
        self.message = MessageBar(self)
        layout.addWidget(self.message)
        self.model = StaffModel([self.tr("Name"), self.tr("Role"), self.tr("State")], self.tr("active"),
                                self.tr("inactive"))
        self.table = QTableView()
        self.table.setObjectName("staffTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(240)
        style_table(self.table)
        layout.addWidget(self.table, 1)

        selected = QGroupBox(self.tr("Selected person"))
        row = QHBoxLayout(selected)
        self.role_choice = self._roles("staffRoleChoice")
        row.addWidget(self.role_choice)
        row.addWidget(make_button(self.tr("Change role"), self.change_role, "changeRoleButton"))
        self.new_pin = _pin_field("resetPinInput")
        self.new_pin.setPlaceholderText(self.tr("new PIN"))
        self.new_pin.setMaximumWidth(150)
        row.addWidget(self.new_pin)
        row.addWidget(make_button(self.tr("Reset PIN"), self.reset_pin, "resetPinButton"))
        row.addWidget(make_button(self.tr("Activate / deactivate"), self.toggle_active, "toggleActiveButton"))
        layout.addWidget(selected)

        add = QGroupBox(self.tr("Add a person"))
        form = QFormLayout(add)
        self.name_input = QLineEdit()
        self.name_input.setObjectName("newUserName")
        self.add_role = self._roles("newUserRole")
        self.add_pin = _pin_field("newUserPin")
        form.addRow(self.tr("Name:"), self.name_input)
        form.addRow(self.tr("Role:"), self.add_role)
        form.addRow(self.tr("PIN (4–8 digits):"), self.add_pin)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(make_button(self.tr("Add"), self.add_user, "addUserButton"))
        form.addRow(add_row)
        layout.addWidget(add)
        hint = QLabel(self.tr("People log in with their PIN alone, so every PIN must be different."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        close_row = QHBoxLayout()
        close_row.addStretch(1)
        close_row.addWidget(make_button(self.tr("Close"), self.accept, "staffCloseButton"))
        layout.addLayout(close_row)
        self.refresh()

    def _roles(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        for role in ROLES:
            combo.addItem(role_name(role), role)
        return combo

    def refresh(self) -> None:
        try:
            self.model.set_rows(self._staff.list(self._admin))
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return
        self.table.resizeColumnsToContents()

    def _selected(self) -> StaffView | None:
        rows = self.table.selectionModel().selectedRows()
        person = self.model.row_at(rows[0].row()) if rows else None
        if person is None:
            self.message.show_message(self.tr("Select a person first."), "warning")
        return person

    def _do(self, action: Callable[[], object], done: str) -> bool:
        try:
            action()
        except DomainError as exc:
            self.message.show_message(describe(exc))
            return False
        self.message.show_message(done, "ok")
        self.refresh()
        return True

    def add_user(self) -> None:
        name, role, pin = self.name_input.text(), self.add_role.currentData(), self.add_pin.text()
        if self._do(lambda: self._staff.add(self._admin, name, role, pin), self.tr("Added.")):
            self.name_input.clear()
            self.add_pin.clear()

    def change_role(self) -> None:
        person = self._selected()
        if person is not None:
            role = self.role_choice.currentData()
            self._do(lambda: self._staff.set_role(self._admin, person.user_id, role), self.tr("Role changed."))

    def reset_pin(self) -> None:
        person = self._selected()
        if person is not None:
            pin = self.new_pin.text()
            if self._do(lambda: self._staff.reset_pin(self._admin, person.user_id, pin), self.tr("PIN changed.")):
                self.new_pin.clear()

    def toggle_active(self) -> None:
        person = self._selected()
        if person is not None:
            self._do(lambda: self._staff.set_active(self._admin, person.user_id, not person.active),
                     self.tr("Saved."))

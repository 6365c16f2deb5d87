"""Shop and till (manager or admin): what the setup wizard asked first — the shop's name, tax ID and address
on the receipts, the shop code and till number, and the country. Applies at the next start."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from pos.domain.errors import DomainError
from pos.services.dto import UserView
from pos.services.till_setup import TillSetupService
from pos.ui.messages import describe
from pos.ui.setup_wizard import LOCALES
from pos.ui.theme import style


class TillSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, setup: TillSetupService, user: UserView, current: dict[str, str]
                 ) -> None:
        super().__init__(parent)
        self.setObjectName("tillSettingsDialog")
        self.setWindowTitle(self.tr("Shop and till"))
        self.setMinimumWidth(600)
        style(self)
        self._setup, self._user = setup, user
        form = QFormLayout(self)
        self.store_name = QLineEdit(current["store_name"])
        self.store_name.setObjectName("tillStoreNameInput")
        self.tax_id = QLineEdit(current["tax_id"])
        self.address = QLineEdit(current["address"])
        self.store_id = QLineEdit(current["store_id"])
        self.till_id = QLineEdit(current["till_id"])
        self.till_id.setObjectName("tillIdInput")
        self.locale = QComboBox()
        for code, name in LOCALES:
            self.locale.addItem(name, code)
        self.locale.setCurrentIndex(max(0, self.locale.findData(current["locale"] or "es_ES")))
        form.addRow(self.tr("Shop name"), self.store_name)
        form.addRow(self.tr("Tax ID"), self.tax_id)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Shop code"), self.store_id)
        form.addRow(self.tr("Till number"), self.till_id)
        form.addRow(self.tr("Country and money"), self.locale)
        note = QLabel(self.tr("A new till number starts a new receipt series. Changes apply at the next start."))
        note.setWordWrap(True)
        form.addRow(note)
        self.message = QLabel()
        self.message.setObjectName("tillSettingsMessage")
        self.message.setWordWrap(True)
        form.addRow(self.message)
        buttons = QHBoxLayout()
        save = QPushButton(self.tr("Save"))
        save.setObjectName("saveTillSettingsButton")
        save.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons.addWidget(save, 2)
        buttons.addWidget(close)
        form.addRow(buttons)

    def save(self) -> None:
        try:
            self._setup.save(self._user, store_name=self.store_name.text(), tax_id=self.tax_id.text(),
                             address=self.address.text(), store_id=self.store_id.text(), till_id=self.till_id.text(),
                             locale=str(self.locale.currentData()))
        except DomainError as exc:
            self.message.setText("✖ " + describe(exc))
            return
        self.message.setText("✔ " + self.tr("Saved. Restart the till to use the new settings."))

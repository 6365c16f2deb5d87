"""Connecting the online store: URL and API key, "test connection" in plain words, save."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos.config import StoreSettings
from pos.domain.errors import DomainError
from pos.services.dto import ConnectionCheck, UserView
from pos.services.store_setup import StoreSetupService
from pos.ui.messages import describe
from pos.ui.theme import style


def explain(check: ConnectionCheck) -> str:
    """What the result means for the person at the till, and what to do next."""
    texts = {
        "ok": QCoreApplication.translate("StoreCheck", "Connected to %1."),
        "bad_url": QCoreApplication.translate(
            "StoreCheck",
            "That address is not valid. It must start with https:// (or http:// on a local "
            "network) and be the shop's home page, e.g. https://mitienda.es",
        ),
        "unreachable": QCoreApplication.translate(
            "StoreCheck", "The store cannot be reached. Check the address and this computer's internet connection."
        ),
        "tls": QCoreApplication.translate(
            "StoreCheck",
            "The store's security certificate is not valid (TLS error). Ask whoever runs the web "
            "shop to fix the certificate; do not switch to http://.",
        ),
        "no_rest": QCoreApplication.translate(
            "StoreCheck",
            "The address answers, but not as a WordPress shop: check the address, and that "
            "WordPress permalinks are not set to 'Plain' (Settings → Permalinks).",
        ),
        "no_woocommerce": QCoreApplication.translate(
            "StoreCheck", "That WordPress site has no WooCommerce REST API. Is WooCommerce installed and active?"
        ),
        "bad_credentials": QCoreApplication.translate(
            "StoreCheck",
            "The store refused the API key. Check the consumer key and secret "
            "(WooCommerce → Settings → Advanced → REST API, read/write).",
        ),
    }
    text = texts.get(check.kind, QCoreApplication.translate("StoreCheck", "The test failed: %1"))
    return text.replace("%1", check.store_name if check.ok else check.detail)


class StoreSettingsDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, setup: StoreSetupService, user: UserView, current: StoreSettings
    ) -> None:
        super().__init__(parent)
        self.setObjectName("storeSettingsDialog")
        self.setWindowTitle(self.tr("Online store"))
        self.setMinimumWidth(620)
        style(self)
        self._setup = setup
        self._user = user
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox()
        self.kind.setObjectName("storeKindInput")
        self.kind.addItem("WooCommerce", "woocommerce")
        self.kind.addItem(self.tr("Sandbox store (tests)"), "sandbox")
        # A till with no store yet is being connected to a real one, not to the demo sandbox.
        self.kind.setCurrentIndex(max(0, self.kind.findData(current.kind if current.url else "woocommerce")))
        self.url = QLineEdit(current.url)
        self.url.setObjectName("storeUrlInput")
        self.url.setPlaceholderText("https://mitienda.es")
        self.key = QLineEdit()
        self.key.setObjectName("storeKeyInput")
        self.key.setPlaceholderText("ck_…")
        self.secret = QLineEdit()
        self.secret.setObjectName("storeSecretInput")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setPlaceholderText("cs_…")
        self.pickup = QLineEdit(current.pickup_location)
        self.pickup.setObjectName("pickupLocationInput")
        form.addRow(self.tr("Platform"), self.kind)
        form.addRow(self.tr("Store address"), self.url)
        form.addRow(self.tr("Consumer key"), self.key)
        form.addRow(self.tr("Consumer secret"), self.secret)
        form.addRow(self.tr("Pickup location"), self.pickup)
        layout.addLayout(form)
        self.result = QLabel()
        self.result.setObjectName("storeCheckResult")
        self.result.setWordWrap(True)
        self.result.setMinimumHeight(72)  # room for a three-line explanation without the dialog jumping
        layout.addWidget(self.result)
        buttons = QHBoxLayout()
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(self.test)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveStoreButton")
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        for button in (self.test_button, self.save_button, close):
            buttons.addWidget(button)
        layout.addLayout(buttons)

    def _show(self, check: ConnectionCheck) -> None:
        colour = "#0b6e2f" if check.ok else "#b3261e"
        self.result.setStyleSheet(f"color:{colour}; font-weight:bold;")
        self.result.setText(("✔ " if check.ok else "✖ ") + explain(check))
        self.result.setToolTip(check.detail)

    def test(self) -> None:
        self._show(self._setup.test(self.url.text(), self.key.text(), self.secret.text()))

    def save(self) -> None:
        try:
            check = self._setup.save(
                self._user,
                kind=str(self.kind.currentData()),
                url=self.url.text(),
                key=self.key.text(),
                secret=self.secret.text(),
                pickup_location=self.pickup.text(),
            )
        except DomainError as exc:
            self.result.setStyleSheet("color:#b3261e; font-weight:bold;")
            self.result.setText("✖ " + describe(exc))
            return
        self._show(check)
        if check.ok:
            self.result.setText(self.result.text() + " " + self.tr("Saved: it takes effect when the till restarts."))

"""Results of search-as-you-type, shown under the scan field and driven from it by the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from pos.formatting import Formatter
from pos.services.dto import ProductView


class SearchResults(QListWidget):
    chosen = Signal(object)  # ProductView

    def __init__(self, parent: QWidget | None, fmt: Formatter) -> None:
        super().__init__(parent)
        self.setObjectName("searchResults")
        self._fmt = fmt
        self._products: list[ProductView] = []
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps focus
        self.setStyleSheet("QListWidget { font-size:18px; border:2px solid #0b57d0; background:white; }"
                           "QListWidget::item { min-height:32px; }")
        self.itemClicked.connect(lambda item: self.chosen.emit(self._products[self.row(item)]))
        self.hide()

    def show_results(self, products: list[ProductView]) -> None:
        self.clear()
        self._products = products
        for p in products:
            item = QListWidgetItem(f"{p.name}    {self._fmt.money(p.price)}    [{p.sku}]")
            item.setToolTip(p.barcode or p.sku)
            self.addItem(item)
        self.setVisible(bool(products))
        if products:
            self.setCurrentRow(0)

    def step(self, step: int) -> None:
        if self._products:
            self.setCurrentRow(max(0, min(len(self._products) - 1, self.currentRow() + step)))

    def current_product(self) -> ProductView | None:
        row = self.currentRow()
        return self._products[row] if self.isVisible() and 0 <= row < len(self._products) else None

    def dismiss(self) -> None:
        self.hide()
        self.clear()
        self._products = []

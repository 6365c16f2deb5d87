"""Table models of the stock count screen: the running list, the variance review, the suggestions."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor

from pos.formatting import Formatter
from pos.services.count_dto import CountedItem, CountSuggestion, ReviewLine
from pos.ui.row_table_model import Index, RowTableModel

_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)


def reason_names() -> dict[str, str]:
    """Reason code → words, in the order the manager picks from."""
    return {
        "miscount": QCoreApplication.translate("StockCount", "Miscounted before"),
        "shrinkage": QCoreApplication.translate("StockCount", "Shrinkage / theft"),
        "damaged": QCoreApplication.translate("StockCount", "Damaged"),
        "expired": QCoreApplication.translate("StockCount", "Expired"),
        "receiving": QCoreApplication.translate("StockCount", "Receiving error"),
        "unknown": QCoreApplication.translate("StockCount", "Unexplained"),
    }


def signed(text: str, positive: bool) -> str:
    return "+" + text if positive else text


class CountedModel(RowTableModel[CountedItem]):
    right_aligned = frozenset({2})

    def __init__(self, fmt: Formatter) -> None:
        super().__init__([self.tr("SKU"), self.tr("Product"), self.tr("Counted"), self.tr("Counted by")])
        self._fmt = fmt

    def cell(self, row: CountedItem, column: int) -> str:
        return [row.sku, row.name, self._fmt.quantity(row.counted), ", ".join(row.counted_by)][column]


class ReviewModel(RowTableModel[ReviewLine]):
    right_aligned = frozenset({2, 3, 4, 5})

    def __init__(self, fmt: Formatter) -> None:
        super().__init__([self.tr("SKU"), self.tr("Product"), self.tr("Expected"), self.tr("Counted"),
                          self.tr("Variance"), self.tr("Value"), self.tr("Reason")])
        self._fmt = fmt
        self._reasons = reason_names()

    def cell(self, row: ReviewLine, column: int) -> str:
        if column == 6:
            if not row.variance:
                return self.tr("matches")
            return self._reasons.get(row.reason or "", self.tr("— reason needed —"))
        return [row.sku, row.name, self._fmt.quantity(row.expected), self._fmt.quantity(row.counted),
                signed(self._fmt.quantity(row.variance), row.variance > 0),
                signed(self._fmt.amount(row.variance_value), row.variance_value.minor > 0)][column]

    def data(self, index: Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> Any:
        if role == _FOREGROUND and index.isValid():
            row = self.row_at(index.row())
            if row is not None and index.column() in (4, 5) and row.variance < 0:
                return QColor("#b3261e")
            if row is not None and index.column() == 6 and row.variance and not row.reason:
                return QColor("#b45309")
        return super().data(index, role)


class SuggestionModel(RowTableModel[CountSuggestion]):
    right_aligned = frozenset({2, 3})

    def __init__(self, fmt: Formatter) -> None:
        super().__init__([self.tr("SKU"), self.tr("Product"), self.tr("On hand"), self.tr("Value"), self.tr("Why")])
        self._fmt = fmt

    def cell(self, row: CountSuggestion, column: int) -> str:
        if column == 4:
            words = {"drift": self.tr("differs online"), "value": self.tr("high value"),
                     "not_counted": self.tr("not counted lately")}
            return ", ".join(words.get(w, w) for w in row.why)
        return [row.sku, row.name, self._fmt.quantity(row.on_hand), self._fmt.money(row.stock_value)][column]

"""The open ticket as a Qt table model, fed with CartView snapshots from the TillSession."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pos.formatting import Formatter
from pos.services.dto import CartLineView

Index = QModelIndex | QPersistentModelIndex


class CartModel(QAbstractTableModel):
    QTY, NAME, PRICE, DISCOUNT, TOTAL = range(5)

    def __init__(self, fmt: Formatter) -> None:
        super().__init__()
        self._fmt = fmt
        self._lines: tuple[CartLineView, ...] = ()
        self._headers = [self.tr("Qty"), self.tr("Product"), self.tr("Price"), self.tr("Disc."), self.tr("Amount")]

    def set_lines(self, lines: tuple[CartLineView, ...]) -> None:
        self.beginResetModel()
        self._lines = lines
        self.endResetModel()

    def line_at(self, row: int) -> CartLineView | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, line_id: int) -> int:
        for row, line in enumerate(self._lines):
            if line.line_id == line_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 5:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._lines)):
            return None
        line = self._lines[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.QTY:
                return self._fmt.quantity(line.quantity)
            if col == self.NAME:
                return line.name
            if col == self.PRICE:
                return self._fmt.amount(line.unit_price)
            if col == self.DISCOUNT:
                return "-" + self._fmt.amount(line.discount) if line.discount.minor else ""
            if col == self.TOTAL:
                return self._fmt.amount(line.total)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != self.NAME:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{line.sku} · {line.tax_label}"
        if role == Qt.ItemDataRole.UserRole:
            return line.line_id
        return None

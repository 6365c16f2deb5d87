"""The open ticket as a Qt table model, fed with CartView snapshots from the TillSession."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from pos.formatting import Formatter
from pos.services.dto import CartLineView

Index = QModelIndex | QPersistentModelIndex
# Roles as plain ints: data() runs for every cell of every repaint.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_USER = int(Qt.ItemDataRole.UserRole)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class CartModel(QAbstractTableModel):
    QTY, NAME, PRICE, DISCOUNT, TOTAL = range(5)

    def __init__(self, fmt: Formatter) -> None:
        super().__init__()
        self._fmt = fmt
        self._lines: tuple[CartLineView, ...] = ()
        self._text: list[tuple[str, ...]] = []  # formatted once per change, not once per paint
        self._headers = [self.tr("Qty"), self.tr("Product"), self.tr("Price"), self.tr("Disc."), self.tr("Amount")]

    def _format(self, line: CartLineView) -> tuple[str, ...]:
        f = self._fmt
        discount = "-" + f.amount(line.discount) if line.discount.minor else ""
        return (f.quantity(line.quantity), line.name, f.amount(line.unit_price), discount, f.amount(line.total))

    def set_lines(self, lines: tuple[CartLineView, ...]) -> None:
        """Show a new snapshot. A scan usually adds one row or changes one: signal just that, so the
        view repaints a row instead of relaying out the whole ticket."""
        old_ids = [ln.line_id for ln in self._lines]
        new_ids = [ln.line_id for ln in lines]
        text = [self._format(ln) for ln in lines]
        if new_ids[: len(old_ids)] == old_ids and len(new_ids) >= len(old_ids):
            changed = [row for row in range(len(old_ids)) if self._text[row] != text[row]]
            self._lines, self._text = lines, text
            if len(new_ids) > len(old_ids):
                self.beginInsertRows(QModelIndex(), len(old_ids), len(new_ids) - 1)
                self.endInsertRows()
            if changed:
                self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), 4))
            return
        self.beginResetModel()
        self._lines = lines
        self._text = text
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
        col = index.column()
        if role == _DISPLAY:
            return self._text[index.row()][col]
        if role == _ALIGN:
            return _LEFT if col == self.NAME else _RIGHT
        if role == _TOOLTIP:
            line = self._lines[index.row()]
            return f"{line.sku} · {line.tax_label}"
        if role == _USER:
            return self._lines[index.row()].line_id
        return None

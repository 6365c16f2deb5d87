"""The open ticket as a Qt table model, fed with CartView snapshots from the TillSession.

A QStandardItemModel on purpose: the cells live in C++, so painting the table (which happens
on every scan) never calls back into Python for each cell and role."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from pos.formatting import Formatter
from pos.services.dto import CartLineView

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_EDITABLE = Qt.ItemFlag.ItemIsEditable


class CartModel(QStandardItemModel):
    QTY, NAME, PRICE, DISCOUNT, TOTAL = range(5)

    def __init__(self, fmt: Formatter) -> None:
        super().__init__(0, 5)
        self._fmt = fmt
        self._lines: tuple[CartLineView, ...] = ()
        self._text: list[tuple[str, ...]] = []
        self.setHorizontalHeaderLabels([self.tr("Qty"), self.tr("Product"), self.tr("Price"), self.tr("Disc."),
                                        self.tr("Amount")])

    def _format(self, line: CartLineView) -> tuple[str, ...]:
        f = self._fmt
        discount = "-" + f.amount(line.discount) if line.discount.minor else ""
        return (f.quantity(line.quantity), line.name, f.amount(line.unit_price), discount, f.amount(line.total))

    def _items(self, line: CartLineView, text: tuple[str, ...]) -> list[QStandardItem]:
        items = []
        for column, value in enumerate(text):
            item = QStandardItem(value)
            item.setFlags(item.flags() & ~_EDITABLE)
            if column != self.NAME:
                item.setTextAlignment(_RIGHT)
            item.setToolTip(f"{line.sku} · {line.tax_label}")
            item.setData(line.line_id, Qt.ItemDataRole.UserRole)
            items.append(item)
        return items

    def set_lines(self, lines: tuple[CartLineView, ...]) -> None:
        """Show a new snapshot. A scan usually adds a row or changes one: touch just that."""
        cache = dict(zip(self._lines, self._text, strict=True))
        text = [cache.get(ln) or self._format(ln) for ln in lines]
        old_ids = [ln.line_id for ln in self._lines]
        new_ids = [ln.line_id for ln in lines]
        if new_ids[: len(old_ids)] != old_ids:
            self.removeRows(0, self.rowCount())
            old_ids, self._text = [], []
        for row in range(len(old_ids)):
            if self._text[row] != text[row]:
                for column, value in enumerate(text[row]):
                    if self._text[row][column] != value:
                        self.item(row, column).setText(value)
        for row in range(len(old_ids), len(new_ids)):
            self.appendRow(self._items(lines[row], text[row]))
        self._lines, self._text = lines, text

    def line_at(self, row: int) -> CartLineView | None:
        return self._lines[row] if 0 <= row < len(self._lines) else None

    def row_of(self, line_id: int) -> int:
        for row, line in enumerate(self._lines):
            if line.line_id == line_id:
                return row
        return -1

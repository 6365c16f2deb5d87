"""Counting the drawer by denomination: one row per note or coin, pieces typed or stepped, the total below.

Used for the opening float and for the blind count at the close (which never shows what was expected)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from pos.domain.cash_count import MAX_PIECES, denominations
from pos.domain.money import Money
from pos.formatting import Formatter


class CashCountWidget(QWidget):
    changed = Signal(int)  # the counted total, minor units

    def __init__(self, currency: str, fmt: Formatter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cashCount")
        self._currency = currency
        self._fmt = fmt
        self.spins: dict[int, QSpinBox] = {}
        outer = QVBoxLayout(self)
        grid = QGridLayout()
        values = denominations(currency)
        per_column = (len(values) + 1) // 2  # notes on the left, coins on the right
        for i, value in enumerate(values):
            label = QLabel(fmt.money(Money(value, currency)))
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            spin = QSpinBox()
            spin.setObjectName(f"denom_{value}")
            spin.setRange(0, MAX_PIECES)
            spin.setMinimumHeight(40)
            spin.setMinimumWidth(110)
            spin.setAccessibleName(self.tr("Pieces of %1").replace("%1", label.text()))
            spin.valueChanged.connect(self._recount)
            label.setBuddy(spin)
            self.spins[value] = spin
            row, column = i % per_column, (i // per_column) * 2
            grid.addWidget(label, row, column)
            grid.addWidget(spin, row, column + 1)
        outer.addLayout(grid)
        self.total_label = QLabel()
        self.total_label.setObjectName("countTotalLabel")
        self.total_label.setStyleSheet("font-size:24px; font-weight:bold;")
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        outer.addWidget(self.total_label)
        self._recount()

    def pieces(self) -> dict[int, int]:
        return {value: spin.value() for value, spin in self.spins.items() if spin.value()}

    def total_minor(self) -> int:
        return sum(value * count for value, count in self.pieces().items())

    def clear(self) -> None:
        for spin in self.spins.values():
            spin.setValue(0)

    def _recount(self) -> None:
        total = self.total_minor()
        self.total_label.setText(self.tr("Counted: %1").replace("%1", self._fmt.money(Money(total, self._currency))))
        self.changed.emit(total)

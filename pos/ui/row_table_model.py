"""A read-only table model over a list of rows: subclasses say what each cell shows."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class RowTableModel(QAbstractTableModel, Generic[T]):
    right_aligned: frozenset[int] = frozenset()

    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self._headers = headers
        self._rows: list[T] = []

    def cell(self, row: T, column: int) -> str:
        raise NotImplementedError

    def tooltip(self, row: T, column: int) -> str | None:
        """More about a cell when the pointer rests on it (none by default)."""
        return None

    def set_rows(self, rows: list[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if role == _DISPLAY:
            return self.cell(self._rows[index.row()], index.column())
        if role == _ALIGN and index.column() in self.right_aligned:
            return _RIGHT
        if role == _TOOLTIP:
            return self.tooltip(self._rows[index.row()], index.column()) or None
        return None

"""A small bar chart painted with QPainter (no QtCharts: it would add megabytes to the bundle).

Horizontal bars with the label on the left and the value as text at the end of the bar, or
vertical columns with the label underneath. Negative values grow to the left of a zero line
(drift: the store shows less than the shop). Every bar carries its value in words, so colour never
says anything alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

POSITIVE = QColor("#1f6feb")
NEGATIVE = QColor("#b3261e")
GRID = QColor("#d0d7de")
TEXT = QColor("#1f2328")


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float  # geometry only; the text says the exact figure
    text: str


class BarChart(QWidget):
    def __init__(self, title: str = "", *, vertical: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self._vertical = vertical
        self._bars: list[Bar] = []
        self._empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(260, 160)

    def set_bars(self, bars: list[Bar], empty_text: str = "") -> None:
        self._bars = list(bars)
        self._empty_text = empty_text
        self.setAccessibleDescription("; ".join(f"{b.label}: {b.text}" for b in self._bars) or empty_text)
        self.update()

    def bars(self) -> list[Bar]:
        return list(self._bars)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(420, 240)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        area = QRectF(self.rect()).adjusted(6, 4, -6, -4)
        if self._title:
            bold = self.font()
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(TEXT)
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, self._title)
            painter.setFont(self.font())
            area.setTop(area.top() + metrics.height() + 6)
        if not self._bars:
            painter.setPen(QColor("#57606a"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        if self._vertical:
            self._paint_columns(painter, metrics, area)
        else:
            self._paint_rows(painter, metrics, area)

    def _paint_rows(self, painter: QPainter, metrics: QFontMetrics, area: QRectF) -> None:
        label_w = min(area.width() * 0.42, max(metrics.horizontalAdvance(b.label) for b in self._bars) + 14)
        text_w = max(metrics.horizontalAdvance(b.text) for b in self._bars) + 8
        low = min(0.0, *(b.value for b in self._bars))
        high = max(0.0, *(b.value for b in self._bars))
        span = (high - low) or 1.0
        plot_left, plot_w = area.left() + label_w, max(10.0, area.width() - label_w - text_w * (2 if low < 0 else 1))
        if low < 0:
            plot_left += text_w
        zero_x = plot_left + plot_w * (-low / span)
        row_h = min(34.0, area.height() / len(self._bars))
        for i, bar in enumerate(self._bars):
            top = area.top() + i * row_h
            painter.setPen(TEXT)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, int(label_w - 8))
            painter.drawText(QRectF(area.left(), top, label_w - 8, row_h),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, label)
            width = plot_w * abs(bar.value) / span
            x = zero_x if bar.value >= 0 else zero_x - width
            rect = QRectF(x, top + row_h * 0.18, max(width, 1.0), row_h * 0.64)
            painter.fillRect(rect, POSITIVE if bar.value >= 0 else NEGATIVE)
            painter.setPen(TEXT)
            if bar.value >= 0:
                painter.drawText(QRectF(rect.right() + 4, top, text_w, row_h),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, bar.text)
            else:
                painter.drawText(QRectF(rect.left() - text_w - 4, top, text_w, row_h),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, bar.text)
        painter.setPen(GRID)
        painter.drawLine(int(zero_x), int(area.top()), int(zero_x), int(area.top() + row_h * len(self._bars)))

    def _paint_columns(self, painter: QPainter, metrics: QFontMetrics, area: QRectF) -> None:
        high = max(0.0, *(b.value for b in self._bars)) or 1.0
        label_h = metrics.height() + 4
        plot = area.adjusted(0, label_h, 0, -label_h)  # room for the value above, the label below
        col_w = plot.width() / len(self._bars)
        painter.setPen(GRID)
        painter.drawLine(int(plot.left()), int(plot.bottom()), int(plot.right()), int(plot.bottom()))
        for i, bar in enumerate(self._bars):
            x = plot.left() + i * col_w
            height = plot.height() * max(bar.value, 0.0) / high
            rect = QRectF(x + col_w * 0.15, plot.bottom() - height, col_w * 0.7, height)
            painter.fillRect(rect, POSITIVE)
            painter.setPen(TEXT)
            if metrics.horizontalAdvance(bar.text) <= col_w + 6 and bar.value:
                painter.drawText(QRectF(x - 3, rect.top() - label_h, col_w + 6, label_h),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, bar.text)
            painter.drawText(QRectF(x, plot.bottom() + 2, col_w, label_h),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, bar.label)

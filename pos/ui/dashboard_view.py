"""The manager's dashboard: today's figures as big numbers and bar charts, what sync could not
deliver, where the till and the online store disagree, and the stock count in progress."""

from __future__ import annotations

from collections.abc import Callable

from babel.dates import format_date
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos.formatting import Formatter
from pos.services.dashboard import DashboardView
from pos.ui.bar_chart import Bar, BarChart
from pos.ui.sync_reasons import reason_text
from pos.ui.theme import style
from pos.ui.widgets import make_button


class _Tile(QFrame):
    """A big number with its caption above it."""

    def __init__(self, caption: str, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setStyleSheet(f"QFrame#{name} {{ background:white; border:1px solid #d0d7de; border-radius:8px; }}")
        box = QVBoxLayout(self)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color:#57606a; font-size:14px; border:none;")
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size:28px; font-weight:bold; border:none;")
        box.addWidget(self.caption)
        box.addWidget(self.value)

    def set(self, text: str, detail: str = "", colour: str = "#111") -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"font-size:28px; font-weight:bold; border:none; color:{colour};")
        self.value.setToolTip(detail)


class DashboardDialog(QDialog):
    def __init__(self, parent: QWidget | None, load: Callable[[], DashboardView], fmt: Formatter, *,
                 open_sync_panel: Callable[[], None] | None = None,
                 open_count: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardDialog")
        self.setWindowTitle(self.tr("Today at a glance"))
        style(self)
        self.resize(1240, 800)
        self._load = load
        self._fmt = fmt
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size:22px; font-weight:bold;")
        layout.addWidget(self.title)

        tiles = QHBoxLayout()
        self.net_tile = _Tile(self.tr("Net sales"), "netSalesTile")
        self.tickets_tile = _Tile(self.tr("Tickets"), "ticketsTile")
        self.average_tile = _Tile(self.tr("Average ticket"), "averageTicketTile")
        self.sync_tile = _Tile(self.tr("Online store: waiting / refused"), "syncQueueTile")
        self.count_tile = _Tile(self.tr("Stock count"), "countTile")
        for tile in (self.net_tile, self.tickets_tile, self.average_tile, self.sync_tile, self.count_tile):
            tiles.addWidget(tile, 1)
        layout.addLayout(tiles)

        grid = QGridLayout()
        self.hours_chart = BarChart(self.tr("Sales by hour"), vertical=True)
        self.hours_chart.setObjectName("salesByHourChart")
        self.tenders_chart = BarChart(self.tr("Tenders"))
        self.tenders_chart.setObjectName("tendersChart")
        self.top_chart = BarChart(self.tr("Best sellers (by amount)"))
        self.top_chart.setObjectName("topProductsChart")
        self.drift_chart = BarChart(self.tr("Online store vs. shop (units; + the store shows more)"))
        self.drift_chart.setObjectName("driftChart")
        grid.addWidget(self.hours_chart, 0, 0)
        grid.addWidget(self.tenders_chart, 0, 1)
        grid.addWidget(self.top_chart, 1, 0)
        grid.addWidget(self.drift_chart, 1, 1)
        layout.addLayout(grid, 1)

        self.parked_label = QLabel()
        self.parked_label.setObjectName("parkedEventsLabel")
        self.parked_label.setWordWrap(True)
        self.parked_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.parked_label)
        buttons = QHBoxLayout()
        buttons.addWidget(make_button(self.tr("Refresh"), self.refresh, "refreshDashboardButton"))
        if open_sync_panel is not None:
            buttons.addWidget(make_button(self.tr("Online store…"), open_sync_panel, "dashboardSyncButton"))
        if open_count is not None:
            buttons.addWidget(make_button(self.tr("Stock count…"), open_count, "dashboardCountButton"))
        buttons.addStretch(1)
        buttons.addWidget(make_button(self.tr("Close"), self.accept, "closeDashboardButton"))
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.show_view(self._load())

    def show_view(self, view: DashboardView) -> None:
        fmt = self._fmt
        self.view = view
        self.title.setText(self.tr("Today, %1").replace("%1", format_date(view.day, format="full", locale=fmt.locale)))
        self.net_tile.set(fmt.money(view.net), self.tr("Sales %1 − returns %2").replace(
            "%1", fmt.money(view.sales)).replace("%2", fmt.money(view.returns)))
        self.tickets_tile.set(str(view.tickets))
        self.average_tile.set(fmt.money(view.average_ticket))
        self.sync_tile.set(f"{view.pending} / {view.parked}", colour="#b3261e" if view.parked else "#111")
        if view.count is None:
            self.count_tile.set(self.tr("none open"))
        else:
            state = {"open": self.tr("counting"), "review": self.tr("in review")}.get(view.count.state,
                                                                                     view.count.state)
            self.count_tile.set(state, colour="#b45309")
        tender_names = {"cash": self.tr("Cash"), "card": self.tr("Card"), "wallet": self.tr("Wallet"),
                        "voucher": self.tr("Voucher")}
        nothing = self.tr("No sales yet today.")
        self.hours_chart.set_bars([Bar(f"{h:02d}", m.minor, fmt.amount(m)) for h, m in view.by_hour], nothing)
        self.tenders_chart.set_bars([Bar(tender_names.get(k, k), m.minor, fmt.money(m)) for k, m in view.tenders],
                                    nothing)
        self.top_chart.set_bars([Bar(p.name, p.revenue.minor, f"{fmt.money(p.revenue)} · {fmt.quantity(p.quantity)}")  # type: ignore[arg-type]
                                 for p in view.top_products], nothing)
        self.drift_chart.set_bars([Bar(d.name, float(d.drift), ("+" if d.drift > 0 else "") + fmt.quantity(d.drift))
                                   for d in view.drift], self.tr("The online store agrees with the shop."))
        if view.parked_items:
            lines = [self.tr("Refused by the online store (open the sync panel to retry or resolve):")]
            lines += [f"• {i.label}: {reason_text(i.reason)}" for i in view.parked_items[:5]]
            self.parked_label.setText("\n".join(lines))
            self.parked_label.setStyleSheet("color:#b3261e;")
        else:
            self.parked_label.setText(self.tr("Nothing refused by the online store."))
            self.parked_label.setStyleSheet("color:#0b6e2f;")

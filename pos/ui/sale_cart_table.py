"""The sale screen's cart table: one selected row, no focus (the scan field keeps it), fixed widths."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from pos.ui.cart_model import CartModel
from pos.ui.theme import style_table


def make_cart_table(model: CartModel) -> QTableView:
    table = QTableView()
    table.setObjectName("cartTable")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)  # one line a product, elided: a 40-px row has no room for a second
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(40)
    style_table(table)
    header = table.horizontalHeader()
    # Fixed number columns: measuring every row on each scan costs more than the scan itself.
    metrics = table.fontMetrics()
    widths = {CartModel.QTY: "0,999", CartModel.PRICE: "9.999,99", CartModel.DISCOUNT: "-999,99",
              CartModel.TOTAL: "9.999,99"}
    for column, sample in widths.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, metrics.horizontalAdvance(sample) + 16)
    header.setSectionResizeMode(CartModel.NAME, QHeaderView.ResizeMode.Stretch)
    return table

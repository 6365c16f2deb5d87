"""Every list is a Qt model; pytest-qt's model tester checks each against Qt's contract."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Qt

from pos.domain.cart import Cart, ProductRef
from pos.domain.discount import Discount
from pos.domain.money import Money
from pos.domain.sync_reason import reason
from pos.domain.tax import ES_GENERAL, ES_SUPER_REDUCED
from pos.formatting import Formatter
from pos.services.dto import CartLineView, OutboxItem
from pos.ui.cart_model import CartModel
from pos.ui.sync_panel import OutboxModel
from tests.ui.conftest import use_language


def _lines() -> tuple[CartLineView, ...]:
    cart = (Cart().add(ProductRef(1, "A", "Leche", Money(95), ES_SUPER_REDUCED), 2)
            .add(ProductRef(2, "B", "Aceite", Money(875), ES_GENERAL), Decimal("1.5"))
            .set_line_discount(2, Discount.of_percent(10)))
    totals = cart.totals()
    return tuple(CartLineView(ln.line_id, ln.product.product_id, ln.product.sku, ln.product.name, ln.quantity,
                              ln.product.unit_price, lt.line_discount + lt.ticket_discount, lt.total,
                              ln.product.tax_rate.label) for ln, lt in zip(cart.lines, totals.lines, strict=True))


def test_cart_model_contract(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = CartModel(Formatter("es_ES"))
    model.set_lines(_lines())
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert [model.index(1, c).data() for c in range(5)] == ["1,5", "Aceite", "8,75", "-1,31", "11,82"]
    assert model.row_of(2) == 1 and model.row_of(99) == -1


def test_outbox_model_contract(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    use_language("en")
    model = OutboxModel(Formatter("en_US"))
    now = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)
    model.set_items([
        OutboxItem(1, "sale.completed", "u1", "T01-000001", "pending", 0, None, now, None),
        OutboxItem(2, "sale.completed", "u2", "T01-000002", "parked", 3,
                   reason("rest_invalid_param", "store refused: bad [rest_invalid_param]", 400, store_message="bad"),
                   now, None),
    ])
    qtmodeltester.check(model)
    assert model.index(1, 1).data() == "T01-000002"
    assert model.index(1, 4).data() == "The online store refused it (HTTP 400). bad"
    assert model.index(1, 4).data(Qt.ItemDataRole.ToolTipRole) == "400 rest_invalid_param: store refused: bad " \
        "[rest_invalid_param]"
    assert model.index(0, 4).data() == "" and model.index(0, 4).data(Qt.ItemDataRole.ToolTipRole) is None


def test_drift_model_contract(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    from pos.services.stock_drift import DriftLine
    from pos.ui.sync_panel import DriftModel

    model = DriftModel(Formatter("es_ES"))
    model.set_lines([DriftLine(1, "MOS-1", "Leche", Decimal(10), Decimal(15), Decimal(0), Decimal(5))])
    qtmodeltester.check(model)
    assert [model.index(0, c).data() for c in range(6)] == ["MOS-1", "Leche", "10", "15", "0", "+5"]

"""The customer card's history table model passes Qt's model checks and shows the channels in words."""

from __future__ import annotations

from datetime import UTC, datetime

from pos.domain.money import Money
from pos.formatting import Formatter
from pos.services.loyalty_dto import HistoryEntry
from pos.ui.customer_dialog import HistoryModel
from tests.ui.conftest import use_language


def test_history_model(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    use_language("en")
    model = HistoryModel(Formatter("en_US"))
    at = datetime(2026, 11, 22, 10, 30, tzinfo=UTC)
    model.set_rows([
        HistoryEntry(at, "store", "T01-000001", Money(6418, "EUR"), "completed", "Wine ×2"),
        HistoryEntry(at, "wallet", "cashback", Money(108, "EUR"), "booked"),
        HistoryEntry(at, "wallet", "payment", Money(-1000, "EUR"), "refused"),
    ])
    qtmodeltester.check(model)
    cells = [[model.index(r, c).data() for c in range(5)] for r in range(3)]
    assert cells[0][1:4] == ["Store purchase", "T01-000001 · Wine ×2", "completed"]
    assert cells[1][2:4] == ["Cashback", "waiting to sync"]
    assert cells[2][3] == "REFUSED by the store" and "10.00" in cells[2][4]

"""The stock count tables are Qt models that keep Qt's contract, and say what the review means."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Qt

from pos.domain.money import Money
from pos.formatting import Formatter
from pos.services.count_dto import CountedItem, CountSuggestion, ReviewLine
from pos.ui.count_models import CountedModel, ReviewModel, SuggestionModel
from tests.ui.conftest import use_language

FMT = Formatter("es_ES")
NOW = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)


def _review() -> list[ReviewLine]:
    return [ReviewLine(1, "A", "Leche", Decimal(20), Decimal(-2), Decimal(18), Decimal(15), Decimal(-3),
                       Money(95), Money(-285), None, None, None),
            ReviewLine(2, "B", "Aceite", Decimal(4), Decimal(0), Decimal(4), Decimal("6.5"), Decimal("2.5"),
                       Money(875), Money(2188), "receiving", None, None),
            ReviewLine(3, "C", "Café", Decimal(5), Decimal(0), Decimal(5), Decimal(5), Decimal(0),
                       Money(249), Money(0), None, None, None)]


def test_count_models_contract(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    counted = CountedModel(FMT)
    counted.set_rows([CountedItem(1, "A", "Leche", Decimal(3), Decimal(1), NOW, ("Ana@T01", "Marta@T02"))])
    qtmodeltester.check(counted)
    review = ReviewModel(FMT)
    review.set_rows(_review())
    qtmodeltester.check(review)
    suggestions = SuggestionModel(FMT)
    suggestions.set_rows([CountSuggestion(1, "A", "Leche", Decimal(3), Money(285), ("drift", "value"),
                                          Decimal(-2), None)])
    qtmodeltester.check(suggestions)
    assert counted.index(0, 3).data() == "Ana@T01, Marta@T02"


def test_review_shows_signs_values_and_missing_reasons(qtbot) -> None:  # type: ignore[no-untyped-def]
    use_language("en")
    review = ReviewModel(FMT)
    review.set_rows(_review())
    cells = [[review.index(r, c).data() for c in range(7)] for r in range(3)]
    assert cells[0][4:] == ["-3", "-2,85", "— reason needed —"]
    assert cells[1][3:] == ["6,5", "+2,5", "+21,88", "Receiving error"]
    assert cells[2][6] == "matches"
    assert review.index(0, 4).data(int(Qt.ItemDataRole.ForegroundRole)).name() == "#b3261e"
    assert review.index(1, 4).data(int(Qt.ItemDataRole.ForegroundRole)) is None

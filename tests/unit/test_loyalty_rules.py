"""Loyalty rules without a database: cashback, what may be spent (online, offline, capped), reversals,
and the [loyalty] settings."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pos.config import LoyaltySettings, load_settings
from pos.domain.loyalty import CashbackRules, EarnLine, cashback_for, reversal_for, spendable

RULES = CashbackRules(Decimal(2), frozenset({"Tarjetas regalo"}), 500)


@pytest.mark.parametrize(("lines", "total", "wallet", "expected"), [
    ([EarnLine(3209, "Bodega")], 3209, 0, 64),  # 64.18 rounds down
    ([EarnLine(3209, "Bodega"), EarnLine(2000, "Tarjetas regalo")], 5209, 0, 64),  # gift cards earn nothing
    ([EarnLine(6418, "Bodega")], 6418, 1000, 108),  # the wallet part earns nothing
    ([EarnLine(499, "Bodega")], 499, 0, 0),  # below the minimum ticket
    ([EarnLine(2000, "Tarjetas regalo")], 2000, 0, 0),
    ([EarnLine(1000, None)], 1000, 1500, 0),  # paid all with the wallet: never negative
    ([EarnLine(49, "A")] * 20, 980, 0, 19),  # many small lines: the sum, then one rounding
])
def test_cashback(lines: list[EarnLine], total: int, wallet: int, expected: int) -> None:
    assert cashback_for(lines, total, wallet, RULES) == expected


def test_cashback_percent_must_be_sane() -> None:
    with pytest.raises(ValueError):
        CashbackRules(Decimal(101), frozenset(), 0)


@pytest.mark.parametrize(("kw", "expected"), [
    ({"balance_minor": 2500, "pending_debits_minor": 0, "online": True}, 2500),
    ({"balance_minor": 2500, "pending_debits_minor": 700, "online": True}, 1800),
    ({"balance_minor": 500, "pending_debits_minor": 700, "online": True}, 0),  # never negative
    ({"balance_minor": None, "pending_debits_minor": 0, "online": True}, 0),  # never read: nothing
    ({"balance_minor": 2500, "pending_debits_minor": 0, "online": False, "offline_cap_minor": 2000}, 2000),
    ({"balance_minor": 2500, "pending_debits_minor": 1500, "online": False, "offline_pending_minor": 1500,
      "offline_cap_minor": 2000}, 500),  # the cap counts what was spent offline already
    ({"balance_minor": 1000, "pending_debits_minor": 0, "online": False, "offline_cap_minor": 2000}, 1000),
])
def test_spendable(kw: dict[str, object], expected: int) -> None:
    assert spendable(**kw) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(("earned", "before", "refunded", "total", "expected"), [
    (128, 0, 3209, 6418, 64),  # half the ticket back: half the cashback
    (128, 64, 6418, 6418, 64),  # all of it after half: only what is left
    (128, 128, 3209, 6418, 0),
    (0, 0, 1000, 1000, 0),  # earned nothing here
    (100, 0, 1, 3, 33),  # proportional, half up
    (100, 0, 5000, 3000, 100),  # refunding more than the ticket never takes more than earned
])
def test_reversal(earned: int, before: int, refunded: int, total: int, expected: int) -> None:
    assert reversal_for(earned, before, refunded, total) == expected


def test_loyalty_settings_from_config(tmp_path: Path) -> None:
    (tmp_path / "config.toml").write_text(
        '[loyalty]\nearn_source = "store"\ncashback_percent = "3.5"\nexcluded_categories = ["Bodega"]\n'
        "min_ticket_minor = 1000\noffline_spend_cap_minor = 3000\nhold_minutes = 5\n", encoding="utf-8")
    loyalty = load_settings(tmp_path).loyalty
    assert loyalty == LoyaltySettings(earn_source="store", cashback_percent=Decimal("3.5"),
                                      excluded_categories=("Bodega",), min_ticket_minor=1000,
                                      offline_spend_cap_minor=3000, hold_minutes=5)
    (tmp_path / "config.toml").write_text('[loyalty]\nearn_source = "both"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="earn_source"):
        load_settings(tmp_path)

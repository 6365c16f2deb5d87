"""Refusal reasons in the user's language (``pos/ui/sync_reasons.py``): every code sync records has a
sentence in both languages, the store's own codes are said by HTTP status with the store's words, and
reasons stored before codes existed still show as recorded."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pos.domain.sync_reason import SyncReason, reason
from pos.ui.sync_reasons import reason_text, reason_tooltip
from tests.ui.conftest import use_language

ROOT = Path(__file__).resolve().parents[2]
PARAMS = {"line": "3", "product": "LECHE-1L", "tax_code": "IVA_X", "currency": "USD", "store_currency": "EUR",
          "quantity": "1.5", "event": "gift.card", "order": "1042", "receipt": "T01-000007", "target": "https://x"}


def _recorded_codes() -> set[str]:
    """Every literal ``code="…"`` and ``reason("…"`` sync writes, read from its source."""
    codes: set[str] = set()
    for path in (ROOT / "sync").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'code="([a-z_]+)"', text)) | set(re.findall(r'reason\(\s*"([a-z_]+)"', text))
    return codes


def test_sync_records_codes_the_till_can_say() -> None:
    codes = _recorded_codes()
    assert {"unknown_product", "timeout", "no_wallet_credentials", "stock_writes_unsupported"} <= codes
    use_language("en")
    for code in sorted(codes):
        text = reason_text(reason(code, "technical words", None, **PARAMS))
        assert text and text != "technical words" and "%" not in text, code


@pytest.mark.parametrize("language", ["en", "es"])
def test_each_sentence_is_in_the_language_with_its_values(language: str) -> None:
    use_language(language)
    text = reason_text(reason("unknown_product", "unknown product in line 3 (LECHE-1L): …", 400,
                              line=3, product="LECHE-1L"))
    assert "3" in text and "LECHE-1L" in text
    assert ("no está enlazado" in text) == (language == "es")
    assert ("not linked" in text) == (language == "en")


def test_the_stores_own_codes_are_said_by_status_with_its_words() -> None:
    use_language("es")
    refused = reason("woocommerce_rest_product_invalid_id", "ID no válido. [woocommerce_rest_product_invalid_id]",
                     400, store_message="ID no válido.")
    assert reason_text(refused) == "La tienda online lo rechazó (HTTP 400). ID no válido."
    assert reason_text(reason("", "http://x: store error page (HTTP 503)", 503)) == \
        "La tienda online tuvo un error interno (HTTP 503)."  # our English words stay in the tooltip
    assert reason_text(reason("", "x", 401)) == "La tienda online rechazó las credenciales."
    assert reason_text(reason("woocommerce_rest_cannot_create_order_refund", "…", 500,
                              store_message="Importe no válido.")) == \
        "La tienda online rechazó el reembolso. Importe no válido."
    assert reason_tooltip(refused) == "400 woocommerce_rest_product_invalid_id: ID no válido. " \
        "[woocommerce_rest_product_invalid_id]"


def test_a_reason_stored_before_codes_shows_as_recorded() -> None:
    use_language("es")
    old = SyncReason.decode("400 woocommerce_rest_invalid_id Invalid ID.")
    assert reason_text(old) == reason_tooltip(old) == "400 woocommerce_rest_invalid_id Invalid ID."
    assert reason_text(None) == reason_tooltip(None) == ""

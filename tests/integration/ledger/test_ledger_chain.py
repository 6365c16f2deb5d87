"""Tamper evidence: an edit of a stored sale or audit row through raw SQL breaks the chain
exactly at that row, and verify_sales / verify_audit say where."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from pos.domain.discount import Discount
from pos.ledger.chain import ChainReport, verify_audit, verify_sales
from pos.ledger.db import Ledger
from tests.integration.ledger.ledger_support import Till, card_for, cash_for, raw_connect

CODES = ("8412345600012", "8412345602627", "8412345600852")


def _sell(till: Till, count: int) -> list[str]:
    receipts = []
    for i in range(count):
        for code in CODES[: 1 + i % len(CODES)]:
            till.session.scan(code)
        tenders = cash_for(till.session.cart, 100) if i % 2 else card_for(till.session.cart)
        receipts.append(till.session.pay(tenders).receipt_no)
    return receipts


def _sales_report(ledger: Ledger) -> ChainReport:
    with ledger.read() as session:
        return verify_sales(session)


def _audit_report(ledger: Ledger) -> ChainReport:
    with ledger.read() as session:
        return verify_audit(session)


TAMPERS = {
    "total": "UPDATE sales SET total_minor = total_minor - 100 WHERE number = :n",
    "change": "UPDATE sales SET change_minor = change_minor + 1 WHERE number = :n",
    "date": "UPDATE sales SET created_at = datetime(created_at, '-1 day') WHERE number = :n",
    "line-qty": "UPDATE sale_lines SET qty_milli = qty_milli + 1000 "
                "WHERE id = (SELECT min(id) FROM sale_lines WHERE sale_id = (SELECT id FROM sales WHERE number = :n))",
    "line-name": "UPDATE sale_lines SET name = 'Otra cosa' "
                 "WHERE sale_id = (SELECT id FROM sales WHERE number = :n)",
    "line-deleted": "DELETE FROM sale_lines WHERE id = "
                    "(SELECT max(id) FROM sale_lines WHERE sale_id = (SELECT id FROM sales WHERE number = :n))",
    "tax": "UPDATE sale_taxes SET tax_minor = tax_minor + 1 WHERE sale_id = (SELECT id FROM sales WHERE number = :n)",
    "tender": "UPDATE tenders SET kind = 'voucher' WHERE sale_id = (SELECT id FROM sales WHERE number = :n)",
}


@pytest.mark.parametrize("tamper", TAMPERS.values(), ids=TAMPERS.keys())
def test_tampered_sale_is_detected_at_its_receipt(till: Till, ledger_path: Path, tamper: str) -> None:
    receipts = _sell(till, 5)
    assert _sales_report(till.ledger) == ChainReport(5, None)
    with closing(raw_connect(ledger_path)) as conn:
        assert conn.execute(tamper, {"n": 3}).rowcount >= 1
    assert _sales_report(till.ledger) == ChainReport(2, receipts[2])


def test_deleted_sale_breaks_the_chain_at_the_next_one(till: Till, ledger_path: Path) -> None:
    receipts = _sell(till, 4)
    with closing(raw_connect(ledger_path)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM sales WHERE number = 2")
    assert _sales_report(till.ledger) == ChainReport(1, receipts[2])


def test_tampered_audit_row_is_detected(till: Till, ledger_path: Path) -> None:
    till.session.scan(CODES[0])
    till.session.scan(CODES[1])
    till.session.set_ticket_discount(Discount.of_percent(50), approver_pin="9999")
    till.session.pay(card_for(till.session.cart))
    report = _audit_report(till.ledger)
    assert report.ok and report.checked >= 5
    with closing(raw_connect(ledger_path)) as conn:
        approval_id = conn.execute("SELECT id FROM audit_log WHERE action = 'approval'").fetchone()[0]
        conn.execute("UPDATE audit_log SET approved_by = NULL WHERE id = ?", (approval_id,))
    assert _audit_report(till.ledger).broken_at == f"audit#{approval_id}"

    with closing(raw_connect(ledger_path)) as conn:
        conn.execute("UPDATE audit_log SET approved_by = (SELECT id FROM users WHERE name = 'Marta') WHERE id = ?",
                     (approval_id,))
        assert _audit_report(till.ledger).ok  # restored byte for byte
        first_id = conn.execute("SELECT min(id) FROM audit_log").fetchone()[0]
        conn.execute("UPDATE audit_log SET details = json_set(details, '$.role', 'admin') WHERE id = ?", (first_id,))
    assert _audit_report(till.ledger) == ChainReport(0, f"audit#{first_id}")


def test_chain_survives_reopening_the_ledger(till: Till, ledger_path: Path) -> None:
    _sell(till, 3)
    till.ledger.close()
    reopened = Ledger(ledger_path)
    try:
        assert _sales_report(reopened) == ChainReport(3, None)
        assert _audit_report(reopened).ok
    finally:
        reopened.close()


def test_sale_with_a_non_utc_timestamp_keeps_a_valid_chain(till: Till) -> None:
    madrid_winter = timezone(timedelta(hours=1))
    till.session.scan(CODES[0])
    cart = till.session.cart
    receipt = till.sales.complete(cart, card_for(cart), till.cashier, now=datetime.now(madrid_winter))
    assert receipt.created_at.astimezone(UTC) <= datetime.now(UTC)
    assert _sales_report(till.ledger) == ChainReport(1, None)

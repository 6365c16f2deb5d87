"""A sale is one transaction: when any write in it fails, nothing of it is stored and the
receipt counter does not advance (the next sale takes the next gapless number)."""

from __future__ import annotations

from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from pos.domain.cart import Cart
from pos.services.catalog import to_ref
from tests.integration.ledger.ledger_support import Till, assert_ledger_consistent, card_for, raw_connect, snapshot

LECHE = "8412345600012"  # MOS-00001
PAN = "8412345600852"  # Pan de barra


def _install_outbox_trap(path: Path) -> None:
    with closing(raw_connect(path)) as conn:
        conn.execute("CREATE TRIGGER test_outbox_trap BEFORE INSERT ON outbox "
                     "BEGIN SELECT RAISE(ABORT, 'outbox refused by test'); END")


def _remove_outbox_trap(path: Path) -> None:
    with closing(raw_connect(path)) as conn:
        conn.execute("DROP TRIGGER test_outbox_trap")


@pytest.mark.parametrize("sales_before", [0, 2], ids=["first-sale", "after-two-sales"])
def test_failure_at_the_last_insert_rolls_back_the_whole_sale(till: Till, ledger_path: Path,
                                                               sales_before: int) -> None:
    for _ in range(sales_before):
        till.session.scan(LECHE)
        till.session.pay(card_for(till.session.cart))
    till.session.scan(LECHE)
    till.session.scan(PAN)
    cart_before = till.session.cart
    _install_outbox_trap(ledger_path)  # the outbox event is the last row a sale writes
    before = snapshot(ledger_path)

    with pytest.raises(IntegrityError, match="outbox refused by test"):
        till.session.pay(card_for(till.session.cart))

    assert snapshot(ledger_path) == before, "part of the failed sale was stored"
    assert till.session.cart == cart_before, "the cart must survive a failed payment"
    _remove_outbox_trap(ledger_path)
    receipt = till.session.pay(card_for(till.session.cart))
    assert receipt.receipt_no == f"T01-{sales_before + 1:06d}"
    assert assert_ledger_consistent(ledger_path)[-1] == receipt.receipt_no


def test_foreign_key_violation_halfway_stores_nothing(till: Till, ledger_path: Path) -> None:
    till.session.scan(LECHE)
    till.session.pay(card_for(till.session.cart))
    good = to_ref(till.catalog.by_barcode(LECHE))
    ghost = replace(good, product_id=999_999, sku="GHOST")  # not in products: sale_lines FK fails
    cart = Cart("EUR").add(good, 2).add(ghost)
    before = snapshot(ledger_path)

    with pytest.raises(IntegrityError, match="FOREIGN KEY"):
        till.sales.complete(cart, card_for(cart), till.cashier)

    assert snapshot(ledger_path) == before
    retry = Cart("EUR").add(good, 2)
    receipt = till.sales.complete(retry, card_for(retry), till.cashier)
    assert receipt.receipt_no == "T01-000002"
    assert assert_ledger_consistent(ledger_path) == ["T01-000001", "T01-000002"]

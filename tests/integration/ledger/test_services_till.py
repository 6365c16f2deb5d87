"""Use cases on a real ledger file: product lookup, scanning rules, approvals and audit,
login lockout, parking across restarts, and two tills selling on the same file at once."""

from __future__ import annotations

import json
import threading
from contextlib import closing
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from pos.config import TillSettings
from pos.demo.catalog import demo_products, make_ean13
from pos.domain.cart import Cart
from pos.domain.discount import Discount
from pos.domain.money import Money
from pos.ledger.db import Ledger
from pos.services.auth import AuthService
from pos.services.catalog import to_ref
from pos.services.errors import ApprovalRequired, AuthError, InvalidBarcode, UnknownBarcode
from pos.services.sales import SaleService
from tests.integration.ledger.ledger_support import (
    CASHIER_PIN,
    MANAGER_PIN,
    Till,
    assert_ledger_consistent,
    card_for,
    make_till,
    raw_connect,
)

LECHE = "8412345600012"  # MOS-00001 Leche entera 1 L, 0.95 €, 4 %
LIMONES = "8412345602627"


def _audit(path: Path, action: str) -> list[tuple[int | None, int | None, dict[str, Any]]]:
    """(user_id, approved_by, details) of every audit entry with ``action``, oldest first."""
    with closing(raw_connect(path)) as conn:
        rows = conn.execute("SELECT user_id, approved_by, details FROM audit_log WHERE action = ? ORDER BY id",
                            (action,)).fetchall()
    return [(user_id, approved_by, json.loads(details)) for user_id, approved_by, details in rows]


def _user_id(path: Path, name: str) -> int:
    with closing(raw_connect(path)) as conn:
        return int(conn.execute("SELECT id FROM users WHERE name = ?", (name,)).fetchone()[0])


# --- finding products ---------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", ["limon", "LIMÓN", "limón", "limo"])
def test_search_folds_accents_and_matches_prefixes(till: Till, typed: str) -> None:
    names = [p.name for p in till.catalog.search(typed, limit=100)]
    assert any(n.startswith("Limones") for n in names)
    assert any("limón" in n for n in names)  # "Detergente líquido aroma limón"
    assert all("limon" in n.lower().replace("ó", "o") for n in names)


def test_search_needs_every_word(till: Till) -> None:
    names = [p.name for p in till.catalog.search("aceite oliva colmena")]
    assert names and all("aceite" in n.lower() and "oliva" in n and "La Colmena" in n for n in names)
    assert till.catalog.search("zzzz inexistente") == []
    assert till.catalog.search("  \t") == []


def test_digits_search_barcodes_by_prefix(till: Till) -> None:
    prefix = "841234560001"
    expected = {p.sku for p in demo_products() if p.ean13.startswith(prefix)}
    found = till.catalog.search(prefix, limit=100)
    assert {p.sku for p in found} == expected
    assert all((till.catalog.get(p.product_id).barcode or "").startswith(prefix) for p in found)


def test_scan_finds_by_barcode_and_by_exact_sku(till: Till) -> None:
    assert till.catalog.by_barcode(LECHE).sku == "MOS-00001"
    assert till.catalog.by_barcode(" 8412345600012\r\n").sku == "MOS-00001"  # scanner suffixes
    assert till.catalog.by_barcode("MOS-00042").sku == "MOS-00042"
    with pytest.raises(UnknownBarcode):
        till.catalog.by_barcode("MOS-0004")  # SKUs match exactly, never by prefix


def test_unknown_barcode(till: Till) -> None:
    with pytest.raises(UnknownBarcode) as err:
        till.session.scan(make_ean13("84999999", 1))  # valid EAN-13, not in the catalogue
    assert err.value.params["code"] == make_ean13("84999999", 1)
    assert till.session.cart.is_empty


@pytest.mark.parametrize(("raw", "reason"), [
    ("8412345600013", "check_digit"),  # EAN-13 with a wrong check digit
    ("84123456", "check_digit"),  # EAN-8 length, wrong check digit
    ("9" * 49, "length"),  # too long for any GS1 string
    ("\x1b\x00\x07", "length"),  # control-character garbage cleans to nothing
    ("   ", "length"),
    ("@@@@", "characters"),  # printable line noise from a serial scanner
    ("84123456€0012", "characters"),
])
def test_invalid_scans_raise_and_leave_the_cart_alone(till: Till, raw: str, reason: str) -> None:
    till.session.scan(LECHE)
    cart = till.session.cart
    with pytest.raises(InvalidBarcode) as err:
        till.session.scan(raw)
    assert err.value.params["reason"] == reason
    assert till.session.cart == cart


def test_repeat_scan_increments_the_line(till: Till) -> None:
    till.session.scan(LECHE)
    view = till.session.scan(LECHE)
    assert len(view.lines) == 1 and view.lines[0].quantity == 2
    assert view.changed_line_id == view.lines[0].line_id
    view = till.session.scan(LIMONES)
    assert [ln.quantity for ln in view.lines] == [2, 1]
    assert view.totals.total == Money(2 * 95 + view.lines[1].unit_price.minor)


# --- approvals and audit ------------------------------------------------------------------------------
def test_discount_above_threshold_needs_a_manager_pin(till: Till, ledger_path: Path) -> None:
    till.session.scan(LECHE)
    till.session.scan(LECHE)  # 1.90 €: 10 % is exactly 0.19 €
    till.session.scan(LIMONES)
    cart = till.session.cart
    till.session.set_line_discount(cart.lines[0].line_id, Discount.of_percent(10))  # at the threshold: allowed
    cart = till.session.cart

    with pytest.raises(ApprovalRequired):
        till.session.set_ticket_discount(Discount.of_percent(20))
    assert till.session.cart == cart
    with pytest.raises(AuthError) as err:
        till.session.set_ticket_discount(Discount.of_percent(20), approver_pin="0000")
    assert err.value.params["reason"] == "wrong_pin"
    with pytest.raises(AuthError) as err:
        till.session.set_ticket_discount(Discount.of_percent(20), approver_pin=CASHIER_PIN)  # not a manager
    assert err.value.params["reason"] == "not_allowed"
    assert till.session.cart == cart
    assert _audit(ledger_path, "approval") == []
    assert len(_audit(ledger_path, "approval.failed")) == 1

    view = till.session.set_ticket_discount(Discount.of_percent(20), approver_pin=MANAGER_PIN)
    assert view.totals.ticket_discount.minor > 0
    [(user_id, approved_by, details)] = _audit(ledger_path, "approval")
    assert user_id == till.cashier.user_id
    assert approved_by == _user_id(ledger_path, "Marta")
    assert details == {"action": "ticket_discount", "percent": "20.00"}
    receipt = till.session.pay(card_for(till.session.cart))
    assert receipt.discount == view.totals.discount_total
    assert_ledger_consistent(ledger_path)


def test_discount_at_exactly_the_threshold_needs_no_approval(till: Till) -> None:
    from pos.domain.discount import Discount

    till.session.scan(LECHE)  # 0.95 €: 10 % rounds to 0.10 €, which must not count as 10.5 %
    view = till.session.set_line_discount(till.session.cart.lines[0].line_id, Discount.of_percent(10))
    assert view.totals.total.minor == 85


def test_void_line_is_audited(till: Till, ledger_path: Path) -> None:
    till.session.scan(LECHE)
    view = till.session.scan(LIMONES)
    view_before = view.lines[1].total.minor
    view = till.session.void_line(view.lines[1].line_id)
    assert [ln.sku for ln in view.lines] == ["MOS-00001"]
    [(user_id, approved_by, details)] = _audit(ledger_path, "line.voided")
    assert user_id == till.cashier.user_id and approved_by is None
    assert details == {"sku": till.catalog.by_barcode(LIMONES).sku, "qty": "1", "amount": view_before}


def test_login_locks_after_five_wrong_pins(ledger: Ledger, ledger_path: Path) -> None:
    auth = AuthService(ledger)
    for _ in range(4):
        with pytest.raises(AuthError) as err:
            auth.login("0000")
        assert err.value.params["reason"] == "wrong_pin"
    with pytest.raises(AuthError) as err:
        auth.login("0000")
    assert err.value.params["reason"] == "locked"
    with pytest.raises(AuthError) as err:
        auth.login(CASHIER_PIN)  # even the right PIN waits out the lockout
    assert err.value.params["reason"] == "locked" and err.value.params["seconds"] > 0
    failed = _audit(ledger_path, "login.failed")
    assert [d["locked"] for _, _, d in failed] == [False, False, False, False, True]
    assert _audit(ledger_path, "login") == []


# --- parking ------------------------------------------------------------------------------------------
def _line_content(cart: Cart) -> list[tuple[Any, ...]]:
    return [(ln.product, ln.quantity, ln.discount) for ln in cart.lines]


def test_park_and_resume_round_trip_across_a_restart(till: Till, ledger_path: Path) -> None:
    session = till.session
    session.scan(LECHE)
    session.scan(LECHE)
    view = session.scan(LIMONES)
    session.set_quantity(view.lines[1].line_id, "0.750")  # weighed
    session.set_line_discount(view.lines[0].line_id, Discount.of_amount(Money(15)))
    session.add_product(till.catalog.by_barcode("8412345600852"), 3)
    session.set_line_discount(session.cart.lines[2].line_id, Discount.of_percent(Decimal("7.5")))
    session.set_ticket_discount(Discount.of_percent(5))
    original = session.cart
    totals = original.totals()

    parked = session.park("cliente del abrigo rojo")
    assert session.cart.is_empty
    assert parked.total == totals.total
    till.ledger.close()

    reopened = Ledger(ledger_path)
    try:
        again = make_till(reopened)
        [listed] = again.session.parked()
        assert (listed.label, listed.total) == ("cliente del abrigo rojo", totals.total)
        view = again.session.resume(listed.parked_id)
        resumed = again.session.cart
        assert _line_content(resumed) == _line_content(original)
        assert resumed.ticket_discount == original.ticket_discount
        assert resumed.totals() == totals
        assert view.totals == totals
        assert again.session.parked() == []
        # The resumed cart is a normal cart: scans still merge into its lines.
        again.session.scan(LIMONES)
        assert len(again.session.cart.lines) == len(original.lines) + 1  # the weighed line is not merged into
        again.session.void_line(again.session.cart.lines[-1].line_id)
        receipt = again.session.pay(card_for(again.session.cart))
        assert receipt.total == totals.total
        assert [ln.quantity for ln in receipt.lines] == [ln.quantity for ln in original.lines]
    finally:
        reopened.close()
    assert len(_audit(ledger_path, "sale.parked")) == 1 and len(_audit(ledger_path, "sale.resumed")) == 1
    assert_ledger_consistent(ledger_path)


def test_resume_with_an_open_ticket_parks_it_first(till: Till) -> None:
    till.session.scan(LECHE)
    first = till.session.park("uno")
    till.session.scan(LIMONES)
    till.session.resume(first.parked_id)
    assert [ln.product.sku for ln in till.session.cart.lines] == ["MOS-00001"]
    [auto] = till.session.parked()
    assert auto.label == "auto"


# --- concurrency --------------------------------------------------------------------------------------
def _sell_concurrently(ledgers: list[Ledger], till: Till, per_thread: int) -> dict[int, list[str]]:
    products = [to_ref(till.catalog.by_barcode(code)) for code in (LECHE, LIMONES, "8412345600852")]
    results: dict[int, list[str]] = {w: [] for w in range(len(ledgers))}
    errors: list[BaseException] = []
    start = threading.Barrier(len(ledgers), timeout=30)

    def sell(worker: int) -> None:
        try:
            sales = SaleService(ledgers[worker], TillSettings())
            start.wait()
            for i in range(per_thread):
                cart = Cart("EUR").add(products[(i + worker) % 3], 1 + worker)
                results[worker].append(sales.complete(cart, card_for(cart), till.cashier).receipt_no)
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=sell, args=(w,)) for w in range(len(ledgers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert all(len(r) == per_thread for r in results.values())
    return results


def _assert_gapless_and_distinct(results: dict[int, list[str]], ledger_path: Path) -> None:
    everything = [r for rs in results.values() for r in rs]
    assert len(set(everything)) == len(everything)
    for rs in results.values():
        assert rs == sorted(rs)  # each till sees its own numbers increase
    stored = assert_ledger_consistent(ledger_path)
    assert sorted(everything) == stored == [f"T01-{n:06d}" for n in range(1, len(everything) + 1)]


def test_two_tills_sell_concurrently_on_the_same_file(ledger_path: Path, till: Till) -> None:
    """Two threads, each with its own Ledger (engine, as in two processes) and SaleService."""
    ledgers = [Ledger(ledger_path), Ledger(ledger_path)]  # opened one after the other: see report on upgrade()
    try:
        _assert_gapless_and_distinct(_sell_concurrently(ledgers, till, 15), ledger_path)
    finally:
        for ledger in ledgers:
            ledger.close()


def test_two_threads_share_one_ledger(ledger_path: Path, till: Till) -> None:
    """The app's case: one Ledger per process, a SaleService per thread, sessions never shared."""
    _assert_gapless_and_distinct(_sell_concurrently([till.ledger, till.ledger], till, 15), ledger_path)


def test_a_parked_ticket_keeps_its_customer(till: Till) -> None:
    till.session.scan(LECHE)
    till.session.attach_customer(7, "Lucía García Pérez")
    parked = till.session.park("Lucía")
    assert till.session.customer_id is None  # the next ticket is someone else's
    till.session.scan(LIMONES)
    till.session.resume(parked.parked_id)  # the open anonymous ticket is parked first
    assert (till.session.customer_id, till.session.customer_name) == (7, "Lucía García Pérez")
    [auto] = till.session.parked()
    till.session.resume(auto.parked_id)
    assert till.session.customer_id is None

"""Stock counts on a real ledger file: snapshot + movements while the shop sells, blind counting by
several people and tills, reasons, manager approval enforced by the service, booked movements and
outbox events, cycle-count suggestions."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select

from pos.domain.cart import Cart
from pos.ledger.db import Ledger
from pos.ledger.models import Category, OutboxEvent, Product, StockLevel, StockMovement
from pos.services.catalog import to_ref
from pos.services.count_dto import CountError
from pos.services.count_exchange import export_entries, import_entries
from pos.services.count_suggestions import suggest_counts
from pos.services.errors import ApprovalRequired, AuthError
from pos.services.stock_counts import EVENT_TYPE, StockCountService
from tests.integration.ledger.ledger_support import MANAGER_PIN, Till, card_for, copy_db

LECHE = "8412345600012"
LIMONES = "8412345602627"
ACEITE = "8412345605833"


def _counts(till: Till, till_id: str = "T01") -> StockCountService:
    return StockCountService(till.ledger, till.auth, till.catalog, till_id=till_id, currency="EUR")


def _sell(till: Till, code: str, qty: int = 1) -> None:
    cart = Cart("EUR").add(to_ref(till.catalog.by_barcode(code)), qty)
    till.sales.complete(cart, card_for(cart), till.cashier)


def _on_hand(ledger: Ledger, code_or_pid: int) -> Decimal:
    with ledger.read() as s:
        return Decimal(s.scalar(select(StockLevel.on_hand_milli).where(
            StockLevel.product_id == code_or_pid)) or 0) / 1000


def _set_on_hand(ledger: Ledger, pid: int, units: int) -> None:
    with ledger.write() as s:
        s.get(StockLevel, pid).on_hand_milli = units * 1000  # type: ignore[union-attr]


def _manager(till: Till):  # type: ignore[no-untyped-def]
    return till.auth.login(MANAGER_PIN)


def test_a_cashier_cannot_start_or_approve_without_a_manager_pin(till: Till) -> None:
    counts = _counts(till)
    with pytest.raises(ApprovalRequired):
        counts.start(till.cashier, scope="zone", label="Pasillo 3")
    with pytest.raises(AuthError):
        counts.start(till.cashier, scope="zone", label="Pasillo 3", approver_pin="0000")
    with pytest.raises(AuthError):  # a cashier's own PIN is not a manager's
        counts.start(till.cashier, scope="zone", label="Pasillo 3", approver_pin="1234")
    count = counts.start(till.cashier, scope="zone", label="Pasillo 3", approver_pin=MANAGER_PIN)
    counts.scan(count.count_id, till.cashier, LECHE)  # anyone may count
    counts.finish(count.count_id, till.cashier)
    counts.set_reason(count.count_id, [till.catalog.by_barcode(LECHE).product_id], "miscount", till.cashier)
    with pytest.raises(ApprovalRequired):
        counts.approve(count.count_id, till.cashier)
    with pytest.raises(AuthError):
        counts.approve(count.count_id, till.cashier, approver_pin="1234")
    assert counts.get(count.count_id).state == "review"  # nothing booked
    counts.approve(count.count_id, till.cashier, approver_pin=MANAGER_PIN)
    assert counts.get(count.count_id).state == "approved"


def test_sales_during_the_count_end_with_the_right_stock(till: Till) -> None:
    """Leche: 20 on hand at the start. 2 sold before it is counted, the staff count 15 (so 3 are
    missing), then 4 more are sold while the rest of the shop is counted and reviewed. The till must
    end at 15 - 4 = 11. Limones: counted first, then 1 sold: the count matched, nothing to book."""
    leche, limones = till.catalog.by_barcode(LECHE), till.catalog.by_barcode(LIMONES)
    _set_on_hand(till.ledger, leche.product_id, 20)
    _set_on_hand(till.ledger, limones.product_id, 7)
    manager = _manager(till)
    counts = _counts(till)
    count = counts.start(manager, scope="zone", label="Frescos")
    _sell(till, LECHE, 2)
    counts.scan(count.count_id, till.cashier, LIMONES, 7)
    _sell(till, LIMONES, 1)
    for _ in range(5):
        counts.scan(count.count_id, till.cashier, LECHE)
    counts.scan(count.count_id, manager, LECHE, "10")  # a typed quantity, another person
    _sell(till, LECHE, 3)
    review = counts.finish(count.count_id, manager)
    _sell(till, LECHE, 1)  # selling goes on during the review
    lines = {ln.sku: ln for ln in review.lines}
    milk = lines[leche.sku]
    assert (milk.snapshot, milk.moved, milk.expected, milk.counted, milk.variance) == (20, -2, 18, 15, -3)
    assert milk.variance_value.minor == -3 * leche.price.minor
    assert lines[limones.sku].variance == 0 and lines[limones.sku].moved == 0
    assert review.missing_reasons == 1
    with pytest.raises(CountError) as missing:
        counts.approve(count.count_id, manager)
    assert missing.value.params == {"reason": "reason_missing", "count": 1}
    counts.set_reason(count.count_id, [leche.product_id], "shrinkage", manager, note="rotas en cámara")
    done = counts.approve(count.count_id, manager)
    assert _on_hand(till.ledger, leche.product_id) == 20 - 2 - 3 - 1 - 3 == 11
    assert _on_hand(till.ledger, limones.product_id) == 6
    adjustment = next(ln for ln in done.lines if ln.sku == leche.sku).adjustment_uuid
    with till.ledger.read() as s:
        movement = s.execute(select(StockMovement.product_id, StockMovement.delta_milli, StockMovement.ref_uuid)
                             .where(StockMovement.reason == "count")).one()
        events = [(e.aggregate_uuid, e.payload["delta_milli"], e.payload["sku"]) for e in
                  s.scalars(select(OutboxEvent).where(OutboxEvent.event_type == EVENT_TYPE))]
    assert tuple(movement) == (leche.product_id, -3000, adjustment)
    assert events == [(adjustment, -3000, leche.sku)]
    with pytest.raises(CountError):
        counts.approve(count.count_id, manager)  # twice: refused, nothing booked again


def test_store_count_expects_uncounted_products_at_zero_and_category_scope_refuses_strangers(till: Till) -> None:
    manager = _manager(till)
    counts = _counts(till)
    leche = till.catalog.by_barcode(LECHE)
    with till.ledger.read() as s:
        category = s.get(Category, leche.category_id)
        assert category is not None
        category_id, category_name = category.id, category.name
        in_category = s.scalars(select(Product.id).where(Product.category_id == category_id)).all()
    count = counts.start(manager, scope="category", category_id=category_id)
    assert count.products_in_scope == len(in_category) and count.category_name == category_name
    with pytest.raises(CountError) as stranger:
        counts.scan(count.count_id, manager, ACEITE)
    assert stranger.value.reason == "out_of_scope"
    counts.scan(count.count_id, manager, LECHE, leche.on_hand)
    review = counts.finish(count.count_id, manager)
    by_id = {ln.product_id: ln for ln in review.lines}
    assert by_id[leche.product_id].variance == 0
    others = [ln for pid, ln in by_id.items() if pid != leche.product_id]
    assert others and all(ln.counted == 0 and ln.variance == -ln.expected for ln in others)
    # Back to counting, then thrown away: nothing booked.
    counts.reopen(count.count_id, manager)
    counts.cancel(count.count_id, manager)
    assert _on_hand(till.ledger, leche.product_id) == leche.on_hand


def test_typing_mistakes_are_refused_and_undo_takes_back_a_double_scan(till: Till) -> None:
    manager = _manager(till)
    counts = _counts(till)
    count = counts.start(manager, scope="zone", label="Caja")
    with pytest.raises(CountError):
        counts.start(manager, scope="store")  # one count at a time
    for bad in ("0", "-2", "abc", "1.0001"):
        with pytest.raises(Exception) as err:
            counts.scan(count.count_id, manager, LECHE, bad)
        assert getattr(err.value, "code", "") == "invalid_quantity"
    counts.scan(count.count_id, manager, LECHE)
    counts.scan(count.count_id, manager, LECHE, 6)
    item = counts.undo_last(count.count_id, manager)
    assert item.counted == 1
    assert [c.sku for c in counts.counted(count.count_id)] == [till.catalog.by_barcode(LECHE).sku]
    with pytest.raises(CountError):
        counts.set_reason(count.count_id, [item.product_id], "shrinkage", manager)  # not in review yet
    counts.finish(count.count_id, manager)
    with pytest.raises(CountError):
        counts.scan(count.count_id, manager, LECHE)  # no scans after the finish
    with pytest.raises(CountError):
        counts.set_reason(count.count_id, [item.product_id], "aliens", manager)


def test_a_second_tills_entries_merge_once(till: Till, tmp_path: Path) -> None:
    """Till 2 (a copy of the same catalogue) counts the back room; its export merges into till 1's
    count, twice without double counting; a broken file changes nothing."""
    from tests.integration.ledger.ledger_support import make_till

    copy_db(Path(till.ledger.path), tmp_path / "t2.sqlite3")
    ledger2 = Ledger(tmp_path / "t2.sqlite3")
    try:
        till2 = make_till(ledger2)
        leche = till.catalog.by_barcode(LECHE)
        manager = _manager(till)
        counts1, counts2 = _counts(till), _counts(till2, "T02")
        c1 = counts1.start(manager, scope="zone", label="Tienda")
        c2 = counts2.start(till2.auth.login(MANAGER_PIN), scope="zone", label="Almacén")
        counts1.scan(c1.count_id, till.cashier, LECHE, 4)
        counts2.scan(c2.count_id, till2.cashier, LECHE, 9)
        counts2.scan(c2.count_id, till2.cashier, LIMONES, 2)
        exported = export_entries(ledger2, c2.count_id)
        first = import_entries(till.ledger, c1.count_id, exported)
        again = import_entries(till.ledger, c1.count_id, exported)
        assert (first.added, first.already, again.added, again.already) == (2, 0, 0, 2)
        with pytest.raises(CountError):
            import_entries(till.ledger, c1.count_id, '{"format": "nope"}')
        counted = {c.sku: c for c in counts1.counted(c1.count_id)}
        assert counted[leche.sku].counted == 13
        assert set(counted[leche.sku].counted_by) == {"Ana@T01", "Ana@T02"}
    finally:
        ledger2.close()


def test_suggestions_put_drift_and_value_first_and_drop_what_was_just_counted(till: Till) -> None:
    leche = till.catalog.by_barcode(LECHE)
    with till.ledger.write() as s:
        level = s.get(StockLevel, leche.product_id)
        assert level is not None
        level.online_milli = level.on_hand_milli + 5000  # the store shows 5 more than the shop has
    first = suggest_counts(till.ledger, "EUR", limit=15)
    assert first[0].product_id == leche.product_id and "drift" in first[0].why
    assert any("value" in s.why for s in first)
    valuable = next(s for s in first if "value" in s.why and "drift" not in s.why)
    manager = _manager(till)
    counts = _counts(till)
    count = counts.start(manager, scope="zone", label="Caros")
    counts.record(count.count_id, manager, valuable.product_id, valuable.on_hand)
    counts.finish(count.count_id, manager)
    counts.approve(count.count_id, manager)
    after = {s.product_id: s for s in suggest_counts(till.ledger, "EUR", limit=1000)}
    assert "not_counted" not in after[valuable.product_id].why


def test_a_category_count_does_not_merge_other_categories(till: Till, tmp_path: Path) -> None:
    from tests.integration.ledger.ledger_support import make_till

    copy_db(Path(till.ledger.path), tmp_path / "t2.sqlite3")
    ledger2 = Ledger(tmp_path / "t2.sqlite3")
    try:
        till2 = make_till(ledger2)
        manager = _manager(till)
        leche, aceite = till.catalog.by_barcode(LECHE), till.catalog.by_barcode(ACEITE)
        assert leche.category_id != aceite.category_id
        counts1, counts2 = _counts(till), _counts(till2, "T02")
        c1 = counts1.start(manager, scope="category", category_id=leche.category_id)
        c2 = counts2.start(till2.auth.login(MANAGER_PIN), scope="zone", label="Almacén")
        counts2.scan(c2.count_id, till2.cashier, LECHE, 2)
        counts2.scan(c2.count_id, till2.cashier, ACEITE, 5)
        result = import_entries(till.ledger, c1.count_id, export_entries(ledger2, c2.count_id))
        assert (result.added, result.out_of_scope, result.unknown_skus) == (1, (aceite.sku,), ())
        assert [c.sku for c in counts1.counted(c1.count_id)] == [leche.sku]
    finally:
        ledger2.close()

"""The shared wallet against the sandbox store over real HTTP: earning, spending, holds, offline spending,
dropped answers, conflicts, and returns taking cashback back."""

from __future__ import annotations

import uuid

import pytest
import requests
from sqlalchemy import select

from pos.devices.receipt_text import render_lines
from pos.domain.loyalty import WalletError
from pos.domain.money import Money
from pos.formatting import Formatter
from pos.ledger.loyalty_models import WalletMovement
from pos.ledger.models import AuditEntry, OutboxEvent, Sale

from .conftest import LUCIA, MakeCounter

WINE, GIFT_CARD, MILK = "8412345605833", "8412345610172", "8412345600012"


def eur(minor: int) -> Money:
    return Money(minor, "EUR")


def movements(counter, **where):  # type: ignore[no-untyped-def]
    with counter.ledger.read() as s:
        query = select(WalletMovement)
        for key, value in where.items():
            query = query.where(getattr(WalletMovement, key) == value)
        rows = list(s.scalars(query.order_by(WalletMovement.id)))
        s.expunge_all()  # plain snapshots: the read session's rollback must not expire them
        return rows


def test_cashback_earned_at_the_till_shows_online_once(make_counter: MakeCounter) -> None:
    c = make_counter(earn_source="pos", cashback_percent=2, min_ticket_minor=500)
    c.sync()
    lucia = c.customer()
    before = c.online_balance()
    receipt = c.sell(c.cart(WINE, GIFT_CARD), lucia)  # the gift card earns nothing
    [earned] = movements(c, reason="cashback")
    assert earned.amount_minor == 3209 * 2 // 100 and earned.sale_uuid == receipt.sale_uuid
    # The ticket names the customer and what it earned, also when reprinted.
    text = "\n".join(render_lines(c.sales.receipt(receipt.sale_uuid), Formatter("es_ES")))
    assert receipt.customer == "Lucía García Pérez" and receipt.cashback == Money(64, "EUR")
    assert "Cliente: Lucía García Pérez" in text and "Cashback a su monedero" in text and "0,64" in text
    c.sync()
    c.sync()
    assert c.online_balance() == before + 64
    assert [t for t in c.online_txs() if t["type"] == "credit" and t["amount"] == 64].__len__() == 1
    assert movements(c, reason="cashback")[0].delivered
    # The order pushed for the sale carries the customer, so the store knows who bought.
    [order] = requests.get(f"{c.store.url}/wp-json/wc/v3/orders", params={"created_via": "mostrador-pos"},
                           auth=("ck_demo", "cs_demo"), timeout=10).json()
    assert order["customer_id"] == c.remote_id()


def test_small_ticket_and_anonymous_sale_earn_nothing(make_counter: MakeCounter) -> None:
    c = make_counter(earn_source="pos", min_ticket_minor=500)
    c.sync()
    c.sell(c.cart(MILK), c.customer())  # 0.95 € is below the minimum ticket
    c.sell(c.cart(WINE), None)
    assert movements(c, reason="cashback") == []


def test_store_as_earning_source_means_the_till_never_credits(make_counter: MakeCounter) -> None:
    c = make_counter(earn_source="store", cashback_percent=2)
    c.store.store.set_setting("wallet_cashback_percent", "5")  # the store's own rule reacts to orders
    c.sync()
    before = c.online_balance()
    c.sell(c.cart(WINE), c.customer())
    c.sync()
    assert movements(c, reason="cashback") == []
    credits = [t for t in c.online_txs() if t["details"].startswith("Cashback for order")]
    assert len(credits) == 1, "exactly one credit: the store's"
    assert c.online_balance() == before + 3209 * 5 // 100


def test_spent_online_first_then_the_till_is_refused_or_capped(make_counter: MakeCounter) -> None:
    c = make_counter()
    c.sync()
    lucia = c.customer()
    assert c.online_balance() == 2500
    spent = c.wallet_api("POST", "/admin/transactions", headers={"Idempotency-Key": str(uuid.uuid4())},
                         json={"user_id": c.remote_id(), "type": "debit", "amount": 20, "note": "online checkout"})
    assert spent.status_code == 200
    with pytest.raises(WalletError) as refused:
        c.desk.hold_for_checkout(lucia, eur(2500), c.cashier, "scan:" + c.customers.get(lucia).loyalty_code)
    assert refused.value.reason == "insufficient" and refused.value.params["available"] == "5.00"
    hold = c.desk.hold_for_checkout(lucia, eur(500), c.cashier, "check:DNI ...123")
    c.sell(c.cart(WINE), lucia, [(hold.hold_uuid, 500)])
    c.sync()
    assert c.online_balance() == 2709 * 2 // 100, "only the cashback of the cash part is left"
    assert movements(c, uuid=hold.hold_uuid)[0].state == "spent"


def test_the_store_refusing_a_held_debit_releases_it_on_the_spot(make_counter: MakeCounter) -> None:
    c = make_counter()
    c.sync()
    lucia = c.customer()
    c.link.read_balance(lucia)
    # Another till spends everything between our balance read and our push.
    c.store.store.wallet_transaction(c.remote_id(), "debit", 2500, "other till", 1)
    hold = c.wallet.hold(lucia, eur(1000), c.cashier, live=True, confirmation="check:DNI")
    assert c.link.push_now(hold.hold_uuid) == "refused"
    [mv] = movements(c, uuid=hold.hold_uuid)
    assert mv.state == "refused"
    with c.ledger.read() as s:
        assert s.scalar(select(OutboxEvent.status).where(OutboxEvent.uuid == hold.hold_uuid)) == "void"
    assert c.online_balance() == 0


def test_a_dropped_answer_on_a_debit_never_debits_twice(make_counter: MakeCounter) -> None:
    c = make_counter(earn_source="store")  # no cashback credit in the way of the figures
    c.sync()
    lucia = c.customer()
    c.store.faults.update({"drop_after_commit_next": 1})
    hold = c.desk.hold_for_checkout(lucia, eur(700), c.cashier, "check:DNI")
    assert hold.offline, "the answer was lost: not confirmed yet"
    assert c.online_balance() == 1800, "the store applied it before the connection dropped"
    c.sell(c.cart(WINE), lucia, [(hold.hold_uuid, 700)])
    c.sync()
    c.sync()
    assert c.online_balance() == 1800
    assert len([t for t in c.online_txs() if t["type"] == "debit"]) == 1
    [mv] = movements(c, uuid=hold.hold_uuid)
    assert mv.delivered and mv.state == "spent"


def test_offline_spending_within_the_cap_syncs_exactly_once(make_counter: MakeCounter) -> None:
    c = make_counter(offline_spend_cap_minor=2000, earn_source="store")
    c.sync()
    lucia = c.customer()
    assert c.desk.balance(lucia).live
    c.down()
    stale = c.desk.balance(lucia)
    assert not stale.live and stale.balance == eur(2500) and stale.spendable == eur(2000)
    hold = c.desk.hold_for_checkout(lucia, eur(1500), c.cashier, "check:DNI")
    assert hold.offline
    with pytest.raises(WalletError) as capped:
        c.desk.hold_for_checkout(lucia, eur(1000), c.cashier, "check:DNI")
    assert capped.value.reason == "offline_cap" and capped.value.params["available"] == "5.00"
    c.sell(c.cart(WINE), lucia, [(hold.hold_uuid, 1500)])
    assert not c.engine.run_once()
    c.down(False)
    c.sync()
    c.sync()
    assert c.online_balance() == 1000
    assert len([t for t in c.online_txs() if t["type"] == "debit"]) == 1


def test_offline_spend_that_the_store_refuses_later_is_a_conflict_for_the_manager(make_counter: MakeCounter) -> None:
    c = make_counter(offline_spend_cap_minor=2000, earn_source="store")
    c.sync()
    lucia = c.customer()
    c.desk.balance(lucia)  # attaching the customer read it: 25.00 € is the last known balance
    c.down()
    hold = c.desk.hold_for_checkout(lucia, eur(1500), c.cashier, "check:DNI")
    receipt = c.sell(c.cart(WINE), lucia, [(hold.hold_uuid, 1500)])
    c.store.store.wallet_transaction(c.remote_id(), "debit", 2000, "spent online meanwhile", 1)
    c.down(False)
    c.sync()
    assert c.online_balance() == 500, "never negative"
    [mv] = movements(c, uuid=hold.hold_uuid)
    assert mv.state == "refused" and mv.sale_uuid == receipt.sale_uuid
    with c.ledger.read() as s:
        event = s.scalar(select(OutboxEvent).where(OutboxEvent.uuid == hold.hold_uuid))
        assert event is not None and event.status == "parked" and "terawallet_rest_transaction_failed" in (
            event.last_error or "")
        audit = s.scalar(select(AuditEntry).where(AuditEntry.action == "wallet.conflict"))
        assert audit is not None and audit.details["sale"] == receipt.sale_uuid


def test_releasing_a_hold_gives_the_money_back_online(make_counter: MakeCounter) -> None:
    c = make_counter()
    c.sync()
    lucia = c.customer()
    hold = c.desk.hold_for_checkout(lucia, eur(1000), c.cashier, "check:DNI")
    assert not hold.offline and c.online_balance() == 1500, "online, the hold is already out of the balance"
    assert c.desk.release(hold.hold_uuid, c.cashier)
    c.sync()
    assert c.online_balance() == 2500
    # A hold that never left the till is simply voided: nothing reaches the store.
    c.down()
    offline = c.desk.hold_for_checkout(lucia, eur(300), c.cashier, "check:DNI")
    assert c.desk.release(offline.hold_uuid, c.cashier)
    c.down(False)
    c.sync()
    assert c.online_balance() == 2500
    assert len(c.online_txs()) == 3  # welcome credit, hold, release


def test_an_expired_hold_cannot_pay_and_goes_back(make_counter: MakeCounter) -> None:
    from datetime import timedelta

    from pos.ledger.models import utcnow

    c = make_counter()
    c.sync()
    lucia = c.customer()
    hold = c.desk.hold_for_checkout(lucia, eur(500), c.cashier, "check:DNI")
    assert c.wallet.release_expired(utcnow() + timedelta(minutes=16)) == 1
    with pytest.raises(WalletError):
        c.sell(c.cart(WINE), lucia, [(hold.hold_uuid, 500)])
    with c.ledger.read() as s:
        assert s.scalar(select(Sale.id)) is None, "the sale rolled back with it"


def test_credit_and_cashback_reversal_inside_a_callers_transaction(make_counter: MakeCounter) -> None:
    c = make_counter(earn_source="pos", cashback_percent=2)
    c.sync()
    lucia = c.customer()
    receipt = c.sell(c.cart(WINE, WINE), lucia)  # 64.18 € → 1.28 € cashback
    return_uuid, second_return = str(uuid.uuid4()), str(uuid.uuid4())
    with c.ledger.write() as session:
        sale = session.scalar(select(Sale).where(Sale.uuid == receipt.sale_uuid))
        assert sale is not None
        taken = c.wallet.reverse_cashback_in_session(
            session, original_sale_id=sale.id, refunded_minor=3209, original_total_minor=6418,
            return_uuid=return_uuid, user_id=1)
        credit = c.wallet.credit_in_session(session, customer_id=lucia, amount_minor=3209, reason="refund",
                                            source_uuid=return_uuid[:30] + "refund", user_id=1)
    assert taken == 64
    with c.ledger.write() as session:
        sale = session.scalar(select(Sale).where(Sale.uuid == receipt.sale_uuid))
        assert sale is not None
        again = c.wallet.reverse_cashback_in_session(  # the same return again: nothing more
            session, original_sale_id=sale.id, refunded_minor=3209, original_total_minor=6418,
            return_uuid=return_uuid, user_id=1)
        rest = c.wallet.reverse_cashback_in_session(  # returning everything: only what is left
            session, original_sale_id=sale.id, refunded_minor=6418, original_total_minor=6418,
            return_uuid=second_return, user_id=1)
        same = c.wallet.credit_in_session(session, customer_id=lucia, amount_minor=3209, reason="refund",
                                          source_uuid=return_uuid[:30] + "refund", user_id=1)
    assert (again, rest, same) == (64, 64, credit)
    c.sync()
    c.sync()
    assert c.online_balance() == 2500 + 128 - 64 - 64 + 3209
    # A rolled-back caller leaves nothing behind.
    with pytest.raises(RuntimeError), c.ledger.write() as session:
        c.wallet.credit_in_session(session, customer_id=lucia, amount_minor=100, reason="refund",
                                   source_uuid=str(uuid.uuid4()), user_id=1)
        raise RuntimeError("caller failed")
    assert len(movements(c, reason="refund")) == 1


def test_one_history_with_online_orders_pickups_and_store_sales(make_counter: MakeCounter) -> None:
    c = make_counter(earn_source="pos")
    c.sync()
    lucia = c.customer()
    receipt = c.sell(c.cart(WINE), lucia)
    c.sync()
    card = c.desk.card(lucia)
    assert card.online and card.balance.live
    channels = [e.channel for e in card.history]
    assert "store" in channels and "online" in channels and "pickup" in channels and "wallet" in channels
    assert [e.title for e in card.history if e.channel == "store"] == [receipt.receipt_no]
    assert card.history[0].at >= card.history[-1].at, "newest first"
    # The POS order pushed for the sale is not shown a second time as an online order.
    assert len([e for e in card.history if e.amount == eur(3209)]) == 1
    # Offline the card still shows everything, from the ledger.
    c.down()
    stale = c.desk.card(lucia)
    assert not stale.online and not stale.balance.live
    assert {e.channel for e in stale.history} == set(channels)


def test_customers_found_and_created_at_the_till(make_counter: MakeCounter) -> None:
    c = make_counter()
    c.sync()
    assert [v.email for v in c.customers.find("600 111 222")] == [LUCIA]
    assert [v.email for v in c.customers.find("garcia")] == [LUCIA]
    assert [v.email for v in c.customers.find("LUCIA.GARCIA@")] == [LUCIA]
    lucia = c.customers.get(c.customer())
    assert c.customers.by_code(lucia.loyalty_code.lower()) == lucia
    new = c.customers.create(c.cashier, first_name="Elena", last_name="Ruiz", email="elena.ruiz@example.com",
                             phone="+34 655 000 111")
    assert new.remote_id is None
    c.sync()
    online = c.store.store.find_user_by_email("elena.ruiz@example.com")
    assert online is not None
    linked = c.customers.get(new.customer_id)
    assert linked.remote_id == online["id"]
    assert {"key": "pos_customer_id", "value": new.loyalty_code} in [
        {"key": m["key"], "value": m["value"]} for m in online["meta"]]


def test_a_customer_created_at_the_till_with_an_online_email_is_linked_not_duplicated(
        make_counter: MakeCounter) -> None:
    c = make_counter()
    # Before any customer pull: the till does not know Lucía yet.
    new = c.customers.create(c.cashier, first_name="Lucía", last_name="García", email=LUCIA, phone="600111222")
    before = c.store.store.counts()["customers"]
    c.sync()
    assert c.store.store.counts()["customers"] == before
    linked = c.customers.get(new.customer_id)
    assert linked.remote_id == c.store.store.find_user_by_email(LUCIA)["id"]  # type: ignore[index]
    assert len(c.customers.find("garcia")) == 1, "the pulled account and the till's row are one customer"


def test_a_credit_for_a_customer_created_at_the_till_goes_out_after_the_account(make_counter: MakeCounter) -> None:
    c = make_counter()
    new = c.customers.create(c.cashier, first_name="Elena", last_name="Ruiz", email="elena.ruiz@example.com",
                             phone="655000111")
    with c.ledger.write() as session:
        c.wallet.credit_in_session(session, customer_id=new.customer_id, amount_minor=1500, reason="refund",
                                   source_uuid=str(uuid.uuid4()), user_id=1)
    c.sync()  # one pass: the account first (same aggregate, in order), then the credit to it
    assert c.online_balance("elena.ruiz@example.com") == 1500
    c.sync()
    assert len(c.online_txs("elena.ruiz@example.com")) == 1

"""Scenarios for customers (14-16), authentication errors (21) and the wallet (27-29)."""

from __future__ import annotations

from .conftest import CK, OAuth1
from .contract import T0, Ctx, Recording, check, scenario
from .recorded_store import click_and_collect, lucia

WALLET_HISTORY = [  # (api, type, cents, note) in the order the recordings made them
    ("v1", "credit", 2500, "Vale por devolución en tienda (ticket T-0001)"),
    ("v1", "debit", 750, "Pago con saldo en tienda (ticket T-0002)"),
    ("legacy", "credit", 1000, "Legacy credit"),
    ("legacy", "credit", 1000, "Legacy credit"),
]


def wallet_history(ctx: Ctx, count: int) -> None:
    for n, (api, kind, cents, note) in enumerate(WALLET_HISTORY[:count]):
        key = f"pos-history-{n}" if api == "v1" else None
        ctx.store.wallet_transaction(2, kind, cents, note, 1, idempotency_key=key)


@scenario("14-customers-create.json")
def create_customer(ctx: Ctx, rec: Recording) -> None:
    ctx.at(T0)
    body = check(ctx, rec, ctx.send(rec))
    assert [m["key"] for m in body["meta_data"]] == ["default_password_nag"]  # "_pos_customer_id" dropped
    assert "password" not in body


@scenario("14b-customers-create-duplicate-email.json", "15-customers-by-email.json",
          "16-customers-search.json", "16b-customers-search-phone.json")
def customers(ctx: Ctx, rec: Recording) -> None:
    ctx.at(T0)
    lucia(ctx)
    check(ctx, rec, ctx.send(rec))
    assert ctx.store.counts()["customers"] == 1


@scenario("14c-customers-update-meta.json")
def customer_meta(ctx: Ctx, rec: Recording) -> None:
    click_and_collect(ctx, completed=True)  # Lucía has paid an order by then: is_paying_customer
    body = check(ctx, rec, ctx.send(rec))
    assert [m["key"] for m in body["meta_data"]] == ["default_password_nag", "pos_customer_id"]
    again = ctx.client.get("/customers/2").json()
    assert [m["key"] for m in again["meta_data"]] == ["default_password_nag", "pos_customer_id"]


@scenario("21-error-bad-consumer-key.json", "21b-error-bad-consumer-secret.json", "21c-error-no-auth.json",
          "21d-error-bad-app-password.json")
def auth_errors(ctx: Ctx, rec: Recording) -> None:
    auth = {"21-": OAuth1("ck_unknown", "cs_unknown"), "21b": OAuth1(CK, "cs_wrong"), "21c": "none",
            "21d": ("admin", "wrong app password")}[rec.name[:3]]
    check(ctx, rec, ctx.send(rec, auth=auth))


@scenario("27-terawallet-admin-credit.json", "27d-terawallet-admin-credit-no-key.json")
def wallet_credit(ctx: Ctx, rec: Recording) -> None:
    lucia(ctx)
    check(ctx, rec, ctx.send(rec))
    expected = 2500 if rec.response["status"] == 200 else 0
    assert ctx.store.wallet_balance(2) == expected


@scenario("27b-terawallet-admin-credit-replay.json", "27c-terawallet-admin-credit-same-key-different-body.json")
def wallet_replay(ctx: Ctx, rec: Recording) -> None:
    lucia(ctx)
    first = ctx.send(Recording.load("27-terawallet-admin-credit.json"))
    assert first.status_code == 200 and "Idempotent-Replay" not in first.headers
    check(ctx, rec, ctx.send(rec))
    assert ctx.store.wallet_balance(2) == 2500  # replayed, not credited twice


@scenario("27e-terawallet-admin-debit.json", "27f-terawallet-admin-debit-insufficient.json",
          "28-terawallet-admin-balance.json")
def wallet_debit(ctx: Ctx, rec: Recording) -> None:
    lucia(ctx)
    wallet_history(ctx, 1 if rec.name.startswith("27") else 2)
    check(ctx, rec, ctx.send(rec))
    if rec.name.startswith("27f"):  # the failed request freed its key: it can be retried
        assert ctx.store.wallet_balance(2) == 2500
        retry = ctx.send(rec, body={"user_id": 2, "type": "debit", "amount": 1.0, "note": "retry"})
        assert retry.status_code == 200 and "Idempotent-Replay" not in retry.headers


@scenario("28b-terawallet-admin-transactions-list.json", "29c-wc-wallet-legacy-balance.json",
          "29d-wc-wallet-legacy-list.json")
def wallet_lists(ctx: Ctx, rec: Recording) -> None:
    lucia(ctx)
    wallet_history(ctx, 4)
    check(ctx, rec, ctx.send(rec))
    if rec.name.startswith("28b"):
        broken = ctx.client.get("/terawallet/v1/admin/transactions", auth="app", params={"user_ids[]": 2})
        assert broken.json() == [] and broken.headers["X-WP-Total"] == "4"


@scenario("28c-terawallet-v1-with-wc-keys.json")
def wallet_rejects_wc_keys(ctx: Ctx, rec: Recording) -> None:
    lucia(ctx)
    check(ctx, rec, ctx.send(rec, auth="oauth"))
    basic = ctx.send(rec, auth="basic")
    assert basic.status_code == 401 and basic.json()["code"] == "woocommerce_rest_cannot_read"


@scenario("29-wc-wallet-legacy-credit.json", "29b-wc-wallet-legacy-credit-repeat.json")
def wallet_legacy_credit(ctx: Ctx, rec: Recording) -> None:
    lucia(ctx)
    wallet_history(ctx, 2 if rec.name.startswith("29-") else 3)
    check(ctx, rec, ctx.send(rec))
    assert ctx.store.wallet_balance(2) == (2750 if rec.name.startswith("29-") else 3750)  # no idempotency

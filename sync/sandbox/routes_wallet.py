"""TeraWallet: ``/terawallet/v1/admin/...`` (application passwords, Idempotency-Key) and the
legacy ``/wc/v3/wallet`` endpoints (WooCommerce keys, no idempotency). Recordings 27-29."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from .errors import ApiError, invalid_param, missing_params
from .money import euro_html, human_local, iso_local, number, parse_cents
from .routes_customers import avatar_url
from .store import SandboxStore
from .web import (
    CREATE,
    READ,
    Request,
    Response,
    Router,
    check_enum,
    check_int,
    check_str,
    links,
    page_args,
    paged,
    query_int,
    type_error,
)


def _user_json(user: dict[str, Any]) -> dict[str, Any]:
    return {"id": user["id"], "login": user["login"], "email": user["email"], "display_name": user["login"],
            "avatar_url": avatar_url(user["email"])}


def transaction_json(req: Request | None, tx: dict[str, Any], user: dict[str, Any] | None,
                     legacy: bool = False) -> dict[str, Any]:
    """A wallet transaction; ``req=None`` gives the stored form without ``_links`` (what a replay returns)."""
    amount = euro_html(tx["amount"])
    data: dict[str, Any] = {
        "id": tx["id"], "user_id": tx["user_id"], "user": _user_json(user) if user else None, "type": tx["type"],
        "amount": number(tx["amount"]), "currency": "EUR", "original_amount": number(tx["amount"]),
        "original_currency": "EUR", "original_rate": 1, "mode": 0, "details": tx["details"],
        "date": iso_local(tx["created"]), "created_by": tx["created_by"], "deleted": bool(tx["deleted"]),
        "category": "other", "cashback_expires_at": None,
        "formatted": {"amount": amount, "original_amount": amount, "date": human_local(tx["created"]),
                      "type_label": tx["type"].capitalize(), "category_label": "Other"},
    }
    if req is not None:
        user_link = [{"embeddable": True, "href": req.rest_url(f"/wp/v2/users/{tx['user_id']}")}]
        if legacy:
            data["_links"] = links(req, f"/wc/v3/wallet/{tx['id']}", "/wc/v3/wallet", ["GET"], user=user_link)
        else:
            data["_links"] = links(req, f"/terawallet/v1/admin/transactions/{tx['id']}",
                                   "/terawallet/v1/admin/transactions", ["GET", "POST", "PUT", "PATCH", "DELETE"],
                                   user=user_link)
    return data


def _amount(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise type_error("amount", "number")
    try:
        Decimal(str(value))
        cents = parse_cents(value)
    except (ValueError, InvalidOperation):
        raise type_error("amount", "number") from None
    return cents or 0


def register(router: Router, store: SandboxStore) -> None:
    def render(req: Request | None, tx: dict[str, Any], legacy: bool = False) -> dict[str, Any]:
        return transaction_json(req, tx, store.get_user(tx["user_id"]), legacy)

    def user_or_404(user_id: int) -> dict[str, Any]:
        user = store.get_user(user_id)
        if user is None:
            raise ApiError(404, "terawallet_rest_invalid_user", "Invalid user ID.")
        return user

    def create_transaction(req: Request) -> Response:
        key = (req.headers.get("Idempotency-Key") or "").strip()
        if not key:
            raise ApiError(400, "terawallet_rest_idempotency_key_required",
                           "The Idempotency-Key request header is required for this operation.")
        body = req.json()
        missing = [n for n in ("user_id", "type", "amount") if body.get(n) is None]
        if missing:
            raise missing_params(missing)
        user_id = check_int("user_id", body["user_id"])
        tx_type = check_enum("type", body["type"], ["credit", "debit"])
        cents = _amount(body["amount"])
        if cents <= 0:
            raise invalid_param("amount", "amount must be greater than 0", "rest_out_of_bounds")
        note = check_str("note", body.get("note") or "")
        user_or_404(user_id)
        tx, replayed = store.wallet_transaction(user_id, tx_type, cents, note, req.user_id, idempotency_key=key)
        if replayed:
            return Response(200, render(None, tx), {"Idempotent-Replay": "true"})
        return Response(200, render(req, tx))

    def list_transactions(req: Request) -> Response:
        page, per_page = page_args(req)
        user_id = query_int(req, "user_id", 0)
        rows, total = store.wallet_transactions(user_id or None, page, per_page)
        if "user_ids" in req.query:  # broken filter in TeraWallet 1.6.13 (28b): empty list, real total
            rows = []
        return paged(req, [render(req, t) for t in rows], total, page, per_page, "/terawallet/v1/admin/transactions")

    def get_transaction(req: Request) -> Response:
        tx = store.get_wallet_tx(int(req.params["id"]))
        if tx is None:
            raise ApiError(404, "terawallet_rest_invalid_transaction", "Invalid transaction ID.")
        return Response(200, render(req, tx))

    def balance(req: Request) -> Response:
        user = user_or_404(int(req.params["id"]))
        cents = store.wallet_balance(user["id"])
        return Response(200, {"user_id": user["id"], "base_currency": "EUR", "balance_base": number(cents),
                              "balance_base_formatted": euro_html(cents),
                              "by_currency": [{"currency": "EUR", "balance": number(cents),
                                               "formatted": euro_html(cents)}], "is_locked": False})

    # legacy wc/v3/wallet
    def legacy_user(req: Request, email: Any) -> dict[str, Any]:
        if not email:
            raise missing_params(["email"])
        user = store.find_user_by_email(str(email))
        if user is None:
            raise ApiError(404, "terawallet_rest_invalid_email", "Invalid User.")
        return user

    def legacy_create(req: Request) -> Response:
        body = req.json()
        missing = [n for n in ("email", "type", "amount") if body.get(n) is None]
        if missing:
            raise missing_params(missing)
        user = legacy_user(req, body["email"])
        cents = _amount(body["amount"])
        try:
            tx, _ = store.wallet_transaction(user["id"], str(body["type"]), cents, str(body.get("note") or ""),
                                             req.user_id)
        except ApiError:
            return Response(200, {"response": "error"})
        return Response(200, {"response": "success", "id": tx["id"]})

    def legacy_list(req: Request) -> Response:
        user = legacy_user(req, req.query.get("email"))
        per_page = query_int(req, "per_page", -1)
        page = max(1, query_int(req, "page", 1))
        rows, total = store.wallet_transactions(user["id"], 1, 10**9)
        if per_page > 0:
            rows = rows[(page - 1) * per_page: page * per_page]
        resp = paged(req, [render(req, t, legacy=True) for t in rows], total, page, per_page if per_page > 0
                     else max(total, 1), "/wc/v3/wallet")
        return resp

    def legacy_balance(req: Request) -> Response:
        user = legacy_user(req, req.query.get("email"))
        return Response(200, {"balance": number(store.wallet_balance(user["id"])), "currency": "EUR"})

    router.add("/terawallet/v1/admin/transactions", READ, list_transactions, "wallet_read")
    router.add("/terawallet/v1/admin/transactions", CREATE, create_transaction, "wallet_write")
    router.add(r"/terawallet/v1/admin/transactions/(?P<id>\d+)", READ, get_transaction, "wallet_read")
    router.add(r"/terawallet/v1/admin/users/(?P<id>\d+)/balance", READ, balance, "wallet_read")
    router.add("/wc/v3/wallet", READ, legacy_list, "list")
    router.add("/wc/v3/wallet", CREATE, legacy_create, "create")
    router.add("/wc/v3/wallet/balance", READ, legacy_balance, "list")

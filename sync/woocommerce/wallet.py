"""TeraWallet ``terawallet/v1`` (recordings 27-28): balance, transactions, credit and debit.

It authenticates with a WordPress **application password** (HTTP Basic), never the WooCommerce
key (28c: 401). Every credit/debit carries an ``Idempotency-Key``: a replay answers the first
transaction (``Idempotent-Replay: true``) even for another amount (27c), so the key must be the
movement's own uuid, never reused. A debit above the balance is a generic 500
``terawallet_rest_transaction_failed`` (27f), mapped to ``PermanentError`` by the client.
The legacy ``/wc/v3/wallet`` routes are never used: they have no idempotency (29b).
"""

from __future__ import annotations

from typing import Any

from sync.errors import TransientError
from sync.loyalty_types import RemoteWalletTx
from sync.woocommerce.client import WooClient
from sync.woocommerce.money import to_minor, to_text
from sync.woocommerce.products import EPOCH, parse_gmt

WALLET_TIMEOUT = (3.0, 8.0)  # a checkout waits on these: fail fast into the offline rules


def _tx(raw: dict[str, Any], places: int) -> RemoteWalletTx:
    return RemoteWalletTx(remote_id=int(raw["id"]), kind=str(raw.get("type") or ""),
                          amount_minor=to_minor(raw.get("amount"), places) or 0, note=str(raw.get("details") or ""),
                          created=parse_gmt(raw.get("date")) or EPOCH)


class TeraWalletApi:
    def __init__(self, base_url: str, user: str, app_password: str, *, places: int = 2,
                 client: WooClient | None = None) -> None:
        self._client = client or WooClient(base_url, user, app_password, auth="basic", timeout=WALLET_TIMEOUT)
        self._places = places

    def close(self) -> None:
        self._client.close()

    def balance(self, user_id: int) -> int:
        """``GET /admin/users/{id}/balance`` (28) in minor units."""
        data = self._client.get(f"terawallet/v1/admin/users/{user_id}/balance").data
        if not isinstance(data, dict) or data.get("balance_base") is None:
            raise TransientError("wallet balance: unexpected answer", code="invalid_answer")
        minor = to_minor(data["balance_base"], self._places)
        if minor is None:
            raise TransientError("wallet balance: not a number", code="invalid_answer")
        return minor

    def transactions(self, user_id: int, per_page: int = 50) -> list[RemoteWalletTx]:
        """Newest first (28b: filter with ``user_id``; ``user_ids[]`` is broken in 1.6.13)."""
        data = self._client.get("terawallet/v1/admin/transactions", {"user_id": user_id, "per_page": per_page}).data
        return [_tx(r, self._places) for r in data if isinstance(r, dict) and "id" in r] \
            if isinstance(data, list) else []

    def move(self, user_id: int, kind: str, amount_minor: int, note: str, idempotency_key: str) -> RemoteWalletTx:
        """``POST /admin/transactions`` with the ``Idempotency-Key`` (27, 27e). Returns the transaction
        (the first one when the key was seen before)."""
        body = {"user_id": user_id, "type": kind, "amount": to_text(amount_minor, self._places), "note": note}
        data = self._client.post("terawallet/v1/admin/transactions", body,
                                 headers={"Idempotency-Key": idempotency_key}).data
        if not isinstance(data, dict) or "id" not in data:
            raise TransientError("wallet transaction: unexpected answer; retry with the same key",
                                 code="invalid_answer")
        return _tx(data, self._places)

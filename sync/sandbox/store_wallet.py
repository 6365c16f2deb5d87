"""TeraWallet store credit: a ledger of credit/debit transactions per WordPress user.

Idempotency follows ``terawallet/v1``: a key is remembered per API user for 24 h together
with the transaction it created; a replay returns that transaction whatever the new body
says (27c); a failed request leaves no key behind (27f). Unlike the plugin, the check and
the write happen in one transaction, so a concurrent duplicate waits and then replays
instead of getting 409 ``terawallet_rest_idempotency_in_progress``.
"""

from __future__ import annotations

from typing import Any

from .errors import ApiError
from .store_base import StoreBase

IDEMPOTENCY_TTL_S = 24 * 3600
CASHBACK_SETTING = "wallet_cashback_percent"  # TeraWallet's cart cashback rule; unset = no rule


class WalletMixin(StoreBase):
    def wallet_balance(self, user_id: int) -> int:
        """Balance in cents."""
        with self.tx() as db:
            row = db.execute("SELECT COALESCE(SUM(CASE type WHEN 'credit' THEN amount ELSE -amount END), 0)"
                             " FROM wallet_tx WHERE user_id = ? AND deleted = 0", (user_id,)).fetchone()
            return int(row[0])

    def get_wallet_tx(self, tx_id: int) -> dict[str, Any] | None:
        with self.tx() as db:
            row = db.execute("SELECT * FROM wallet_tx WHERE id = ?", (tx_id,)).fetchone()
            return dict(row) if row else None

    def wallet_transactions(self, user_id: int | None, page: int = 1,
                            per_page: int = 10) -> tuple[list[dict[str, Any]], int]:
        """Newest first (by id)."""
        cond, args = ("WHERE user_id = ?", [user_id]) if user_id is not None else ("", [])
        with self.tx() as db:
            total = int(db.execute(f"SELECT count(*) FROM wallet_tx {cond}", args).fetchone()[0])
            rows = db.execute(f"SELECT * FROM wallet_tx {cond} ORDER BY id DESC LIMIT ? OFFSET ?",
                              [*args, per_page, (page - 1) * per_page]).fetchall()
        return [dict(r) for r in rows], total

    def wallet_transaction(self, user_id: int, tx_type: str, amount: int, details: str = "", created_by: int = 1,
                           idempotency_key: str | None = None) -> tuple[dict[str, Any], bool]:
        """Credit or debit ``amount`` cents. Returns (transaction, replayed).

        A debit above the balance raises 500 ``terawallet_rest_transaction_failed``.
        """
        with self.tx() as db:
            now = self.now()
            if idempotency_key is not None:
                db.execute("DELETE FROM idempotency WHERE created < ?", (now - IDEMPOTENCY_TTL_S,))
                row = db.execute("SELECT tx_id FROM idempotency WHERE user_id = ? AND key = ?",
                                 (created_by, idempotency_key)).fetchone()
                stored = self.get_wallet_tx(int(row[0])) if row else None
                if stored is not None:
                    return stored, True
            if amount <= 0 or tx_type not in ("credit", "debit") or (
                    tx_type == "debit" and amount > self.wallet_balance(user_id)):
                raise ApiError(500, "terawallet_rest_transaction_failed", "Wallet transaction could not be recorded.")
            tx_id = int(db.execute("INSERT INTO wallet_tx(user_id, type, amount, details, created, created_by)"
                                   " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                   (user_id, tx_type, amount, details, now, created_by)).fetchone()[0])
            if idempotency_key is not None:
                db.execute("INSERT OR REPLACE INTO idempotency(user_id, key, tx_id, created) VALUES (?, ?, ?, ?)",
                           (created_by, idempotency_key, tx_id, now))
            tx = self.get_wallet_tx(tx_id)
            assert tx is not None
            return tx, False

    def credit_order_cashback(self, order_id: int) -> dict[str, Any] | None:
        """TeraWallet's cashback rule: when an order of a registered customer reaches processing or
        completed, credit ``wallet_cashback_percent`` of its total, once per order (not recorded; the
        plugin's default "cart" rule, rounded down to the cent). Off unless the setting is there."""
        percent = self.setting(CASHBACK_SETTING)
        with self.tx() as db:
            order = db.execute("SELECT id, customer_id, total FROM orders WHERE id = ?", (order_id,)).fetchone()
        if not percent or order is None or not order["customer_id"]:
            return None
        details = f"Cashback for order #{order['id']}"
        with self.tx() as db:
            if db.execute("SELECT 1 FROM wallet_tx WHERE user_id = ? AND details = ?",
                          (order["customer_id"], details)).fetchone():
                return None
            amount = int(order["total"]) * int(percent) // 100
            if amount <= 0:
                return None
            tx, _ = self.wallet_transaction(int(order["customer_id"]), "credit", amount, details, 1)
            return tx

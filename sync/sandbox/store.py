"""The sandbox store's data and rules: one SQLite file, no HTTP.

:class:`SandboxStore` is what ``SandboxServer.store`` exposes, so tests can inspect and
change state directly (``store.get_product_stock(18)``). Money is integer cents, times
are unix seconds (UTC). Every public method runs in one transaction under one lock, so
concurrent requests never lose stock updates.

Products/variations live in ``store_catalog``, orders in ``store_orders``, refunds in
``store_refunds`` and the wallet in ``store_wallet``; this module holds the connection,
schema, settings, API keys and users/customers.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .auth import ApiKey
from .errors import ApiError
from .money import fold
from .store_base import BILLING_KEYS, SHIPPING_KEYS, address, decode_row
from .store_refunds import RefundsMixin
from .store_wallet import WalletMixin


def _hash_password(password: str) -> str:
    """WordPress ignores spaces in application passwords ("abcd efgh ...")."""
    return hashlib.sha256(password.replace(" ", "").encode()).hexdigest()


class SandboxStore(RefundsMixin, WalletMixin):
    """All sandbox state in ``<data_dir>/sandbox.sqlite3`` (``SandboxStore(data_dir, clock=time.time)``)."""

    def counts(self) -> dict[str, int]:
        """Row counts for ``GET /__sandbox/state``."""
        with self.tx() as db:
            return {
                "products": int(db.execute("SELECT count(*) FROM products WHERE type != 'variation'").fetchone()[0]),
                "variations": int(db.execute("SELECT count(*) FROM products WHERE type = 'variation'").fetchone()[0]),
                "orders": int(db.execute("SELECT count(*) FROM orders WHERE kind = 'order'").fetchone()[0]),
                "refunds": int(db.execute("SELECT count(*) FROM orders WHERE kind = 'refund'").fetchone()[0]),
                "customers": int(db.execute("SELECT count(*) FROM users WHERE role = 'customer'").fetchone()[0]),
                "wallet_transactions": int(db.execute("SELECT count(*) FROM wallet_tx").fetchone()[0]),
            }

    # ------------------------------------------------------------ credentials

    def create_api_key(self, consumer_key: str, consumer_secret: str, permissions: str = "read_write",
                       user_id: int = 1, description: str = "") -> None:
        with self.tx() as db:
            db.execute("INSERT OR REPLACE INTO api_keys VALUES (?, ?, ?, ?, ?)",
                       (consumer_key, consumer_secret, permissions, user_id, description))

    def get_api_key(self, consumer_key: str) -> ApiKey | None:
        with self.tx() as db:
            row = db.execute("SELECT * FROM api_keys WHERE consumer_key = ?", (consumer_key,)).fetchone()
        if row is None:
            return None
        return ApiKey(row["consumer_key"], row["consumer_secret"], row["permissions"], row["user_id"])

    def set_app_password(self, login: str, password: str) -> None:
        with self.tx() as db:
            db.execute("UPDATE users SET app_password = ? WHERE login = ?", (_hash_password(password), login))

    def check_app_password(self, login: str, password: str) -> int | None:
        with self.tx() as db:
            row = db.execute("SELECT id, app_password FROM users WHERE login = ? OR email = ?",
                             (login, login)).fetchone()
        if row is None or not row["app_password"] or row["app_password"] != _hash_password(password):
            return None
        return int(row["id"])

    # ------------------------------------------------------------ users / customers

    def find_user_by_email(self, email: str) -> dict[str, Any] | None:
        with self.tx() as db:
            row = db.execute("SELECT * FROM users WHERE lower(email) = lower(?) ORDER BY id", (email,)).fetchone()
            return decode_row(row)

    def create_customer(self, data: dict[str, Any]) -> dict[str, Any]:
        """Create a WordPress user with role customer; ``data`` uses the REST field names."""
        email = str(data["email"]).strip()
        with self.tx() as db:
            if db.execute("SELECT 1 FROM users WHERE lower(email) = lower(?)", (email,)).fetchone():
                raise ApiError(400, "registration-error-email-exists",
                               f"An account is already registered with {email}. Please log in or use a different"
                               " email address.")
            login = str(data.get("username") or "").strip()
            if login and db.execute("SELECT 1 FROM users WHERE login = ?", (login,)).fetchone():
                raise ApiError(400, "registration-error-username-exists",
                               "An account is already registered with that username. Please choose another.")
            if not login:
                base = email.split("@")[0] or "customer"
                login, n = base, 1
                while db.execute("SELECT 1 FROM users WHERE login = ?", (login,)).fetchone():
                    n += 1
                    login = f"{base}-{n}"
            now = self.now()
            meta = [] if data.get("password") else [self.new_meta("default_password_nag", "1")]
            meta = self.merge_meta(meta, list(data.get("meta_data") or []), drop_protected=True)
            user_id = self.next_id("user")
            db.execute(
                "INSERT INTO users(id, login, email, first_name, last_name, role, billing, shipping, meta, created,"
                " modified) VALUES (?, ?, ?, ?, ?, 'customer', ?, ?, ?, ?, ?)",
                (user_id, login, email, data.get("first_name") or "", data.get("last_name") or "",
                 json.dumps(address(data.get("billing"), BILLING_KEYS)),
                 json.dumps(address(data.get("shipping"), SHIPPING_KEYS)), json.dumps(meta), now, now))
            user = self.get_user(user_id)
            assert user is not None
            return user

    def update_customer(self, user_id: int, data: dict[str, Any]) -> dict[str, Any]:
        with self.tx() as db:
            user = self.get_user(user_id)
            if user is None:
                raise ApiError(400, "woocommerce_rest_invalid_id", "Invalid resource ID.")
            if "email" in data and str(data["email"]).lower() != user["email"].lower():
                if db.execute("SELECT 1 FROM users WHERE lower(email) = lower(?) AND id != ?",
                              (data["email"], user_id)).fetchone():
                    raise ApiError(400, "woocommerce_rest_customer_invalid_email", "Email address is invalid.")
                user["email"] = str(data["email"])
            for key in ("first_name", "last_name"):
                if key in data:
                    user[key] = str(data[key] or "")
            for key, keys in (("billing", BILLING_KEYS), ("shipping", SHIPPING_KEYS)):
                if isinstance(data.get(key), dict):
                    user[key] = address({**user[key], **data[key]}, keys)
            meta = self.merge_meta(user["meta"], list(data.get("meta_data") or []), drop_protected=True)
            db.execute("UPDATE users SET email=?, first_name=?, last_name=?, billing=?, shipping=?, meta=?, modified=?"
                       " WHERE id=?", (user["email"], user["first_name"], user["last_name"],
                                       json.dumps(user["billing"]), json.dumps(user["shipping"]), json.dumps(meta),
                                       self.now(), user_id))
            updated = self.get_user(user_id)
            assert updated is not None
            return updated

    def delete_customer(self, user_id: int) -> dict[str, Any]:
        with self.tx() as db:
            user = self.get_user(user_id)
            if user is None:
                raise ApiError(400, "woocommerce_rest_invalid_id", "Invalid resource id.")
            db.execute("DELETE FROM users WHERE id = ?", (user_id,))
            return user

    def list_customers(self, *, email: str = "", search: str = "", role: str = "customer", include: list[int] | None
                       = None, exclude: list[int] | None = None, orderby: str = "name", order: str = "asc",
                       page: int = 1, per_page: int = 10) -> tuple[list[dict[str, Any]], int]:
        """WP_User_Query semantics: ``search`` looks at login, email and display name (= login), not names."""
        where: list[str] = ["1=1"]
        args: list[Any] = []
        if role != "all":
            where.append("role = ?")
            args.append(role)
        if email:
            where.append("lower(email) = lower(?)")
            args.append(email)
        if search:
            where.append("(instr(fold(login), ?) OR instr(fold(email), ?))")
            args += [fold(search)] * 2
        if include:
            where.append(f"id IN ({','.join('?' * len(include))})")
            args += include
        if exclude:
            where.append(f"id NOT IN ({','.join('?' * len(exclude))})")
            args += exclude
        column = {"id": "id", "registered_date": "created", "name": "login", "email": "email"}.get(orderby, "login")
        direction = "DESC" if order == "desc" else "ASC"
        sql = " AND ".join(where)
        with self.tx() as db:
            total = int(db.execute(f"SELECT count(*) FROM users WHERE {sql}", args).fetchone()[0])
            rows = db.execute(f"SELECT * FROM users WHERE {sql} ORDER BY {column} {direction}, id {direction}"
                              " LIMIT ? OFFSET ?", [*args, per_page, (page - 1) * per_page]).fetchall()
        return [r for r in map(decode_row, rows) if r is not None], total

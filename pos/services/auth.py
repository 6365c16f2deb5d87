"""PIN login and manager approval. PINs are stored as argon2id hashes, never in clear."""

from __future__ import annotations

import threading
import time

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import select

from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import User
from pos.services.dto import UserView
from pos.services.errors import ApprovalRequired, AuthError

# Small enough that checking a PIN against every active user stays well under 100 ms on a
# counter PC, still argon2id with a per-user salt.
_HASHER = PasswordHasher(time_cost=2, memory_cost=8 * 1024, parallelism=1)
LOCKOUT_SECONDS = 60
MANAGER_ROLES = ("manager", "admin")
SUPERVISOR_ROLES = ("supervisor", "manager", "admin")


def hash_pin(pin: str) -> str:
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise AuthError(reason="pin_format")
    return _HASHER.hash(pin)


def _matches(pin_hash: str, pin: str) -> bool:
    try:
        return _HASHER.verify(pin_hash, pin)
    except (VerifyMismatchError, InvalidHashError):
        return False


class AuthService:
    """Log in by PIN alone (the counter way). Repeated wrong PINs lock the till for a minute."""

    def __init__(self, ledger: Ledger, *, max_attempts: int = 5) -> None:
        self._ledger = ledger
        self._max_attempts = max_attempts
        self._failures = 0
        self._locked_until = 0.0
        self._lock = threading.Lock()

    def _find(self, pin: str) -> UserView | None:
        with self._ledger.read() as session:
            users = session.execute(select(User.id, User.name, User.role, User.pin_hash)
                                    .where(User.active.is_(True))).all()
        for user_id, name, role, pin_hash in users:
            if _matches(pin_hash, pin):
                return UserView(user_id, name, role)
        return None

    def login(self, pin: str) -> UserView:
        with self._lock:
            remaining = self._locked_until - time.monotonic()
            if remaining > 0:
                raise AuthError(reason="locked", seconds=int(remaining) + 1)
        pin = pin.strip()
        user = self._find(pin) if pin.isdigit() else None
        with self._lock:
            if user is None:
                self._failures += 1
                locked = self._failures >= self._max_attempts
                if locked:
                    self._locked_until = time.monotonic() + LOCKOUT_SECONDS
                    self._failures = 0
                with self._ledger.write() as session:
                    append_audit(session, "login.failed", user_id=None, details={"locked": locked})
                raise AuthError(reason="locked" if locked else "wrong_pin", seconds=LOCKOUT_SECONDS)
            self._failures = 0
        with self._ledger.write() as session:
            row = session.get(User, user.user_id)
            assert row is not None
            row.failed_attempts = 0
            append_audit(session, "login", user_id=user.user_id)
        return user

    def approve(self, pin: str | None, action: str, *, requested_by: int, details: dict[str, object] | None = None,
                roles: tuple[str, ...] = MANAGER_ROLES) -> UserView:
        """Check a manager's PIN for ``action`` and audit the approval. Raises AuthError."""
        if not pin:
            raise ApprovalRequired(action=action)
        user = self._find(pin.strip()) if pin.strip().isdigit() else None
        if user is None:
            with self._ledger.write() as session:
                append_audit(session, "approval.failed", user_id=requested_by, details={"action": action})
            raise AuthError(reason="wrong_pin")
        if user.role not in roles:
            raise AuthError(reason="not_allowed", action=action)
        with self._ledger.write() as session:
            append_audit(session, "approval", user_id=requested_by, approved_by=user.user_id,
                         details={"action": action, **(details or {})})
        return user

    def users(self) -> list[UserView]:
        with self._ledger.read() as session:
            return [UserView(u.id, u.name, u.role) for u in session.scalars(select(User).where(User.active.is_(True)))]


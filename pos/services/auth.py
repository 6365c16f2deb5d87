"""PIN login and manager approval. PINs are stored as argon2id hashes, never in clear."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerifyMismatchError
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import User, utcnow
from pos.ledger.shift_models import LoginGuard
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


def pin_matches(pin_hash: str, pin: str) -> bool:
    try:
        return _HASHER.verify(pin_hash, pin)
    except (VerifyMismatchError, InvalidHashError):
        return False


class AuthService:
    """Log in by PIN alone (the counter way). ``max_attempts`` wrong PINs in a row (at login or as an approval)
    lock the till for ``lockout_seconds``. The counter lives in the ledger (``login_guards``, one row per
    till), so restarting the program does not reset it."""

    def __init__(self, ledger: Ledger, *, max_attempts: int = 5, till_id: str = "T01",
                 lockout_seconds: int = LOCKOUT_SECONDS, clock: Callable[[], datetime] = utcnow) -> None:
        self._ledger = ledger
        self._max_attempts = max_attempts
        self._till_id = till_id
        self._lockout = timedelta(seconds=lockout_seconds)
        self._clock = clock
        self._lock = threading.Lock()

    def _find(self, pin: str) -> UserView | None:
        with self._ledger.read() as session:
            users = session.execute(select(User.id, User.name, User.role, User.pin_hash)
                                    .where(User.active.is_(True))).all()
        for user_id, name, role, pin_hash in users:
            if pin_matches(pin_hash, pin):
                return UserView(user_id, name, role)
        return None

    def _check_locked(self) -> None:
        with self._ledger.read() as session:
            until = session.scalar(select(LoginGuard.locked_until).where(LoginGuard.till_id == self._till_id))
        if until is not None:
            remaining = (until - self._clock()).total_seconds()
            if remaining > 0:
                raise AuthError(reason="locked", seconds=int(remaining) + 1)

    def _count_failure(self, session: Session) -> bool:
        """One more wrong PIN, inside the caller's transaction. True when it locks the till."""
        guard = session.get(LoginGuard, self._till_id)
        if guard is None:
            guard = LoginGuard(till_id=self._till_id, failures=0)
            session.add(guard)
        guard.failures = (guard.failures or 0) + 1
        if guard.failures >= self._max_attempts:
            guard.failures = 0
            guard.locked_until = self._clock() + self._lockout
            return True
        return False

    @staticmethod
    def _reset_failures(session: Session, till_id: str) -> None:
        session.execute(update(LoginGuard).where(LoginGuard.till_id == till_id)
                        .values(failures=0, locked_until=None))

    def lockout_remaining(self) -> int:
        """Seconds until the till takes PINs again (0: not locked)."""
        try:
            self._check_locked()
        except AuthError as exc:
            return int(exc.params["seconds"])
        return 0

    def login(self, pin: str) -> UserView:
        with self._lock:
            self._check_locked()
            pin = pin.strip()
            user = self._find(pin) if pin.isdigit() else None
            if user is None:
                with self._ledger.write() as session:
                    locked = self._count_failure(session)
                    append_audit(session, "login.failed", user_id=None, details={"locked": locked})
                raise AuthError(reason="locked" if locked else "wrong_pin",
                                seconds=int(self._lockout.total_seconds()))
            with self._ledger.write() as session:
                self._reset_failures(session, self._till_id)
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
        with self._lock:
            self._check_locked()
            user = self._find(pin.strip()) if pin.strip().isdigit() else None
            if user is None:
                with self._ledger.write() as session:
                    locked = self._count_failure(session)
                    append_audit(session, "approval.failed", user_id=requested_by,
                                 details={"action": action, "locked": locked})
                raise AuthError(reason="locked" if locked else "wrong_pin",
                                seconds=int(self._lockout.total_seconds()))
        if user.role not in roles:
            raise AuthError(reason="not_allowed", action=action)
        with self._ledger.write() as session:
            self._reset_failures(session, self._till_id)
            append_audit(session, "approval", user_id=requested_by, approved_by=user.user_id,
                         details={"action": action, **(details or {})})
        return user

    def users(self) -> list[UserView]:
        with self._ledger.read() as session:
            return [UserView(u.id, u.name, u.role) for u in session.scalars(select(User).where(User.active.is_(True)))]


"""Staff accounts: add a user with a role, change the role, reset the PIN, deactivate. The ``manage_users``
rule (an admin by default) guards every change; each one is audited. PINs are argon2id hashes, and since
the till logs in by PIN alone, two active users can never share one."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.domain.errors import DomainError
from pos.domain.roles import ROLES
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import User
from pos.services.auth import hash_pin, pin_matches
from pos.services.dto import UserView
from pos.services.errors import NotFound
from pos.services.permissions import Permissions
from pos.services.shift_dto import StaffView


class StaffError(DomainError):
    """``reason``: name_required, name_taken, bad_role, pin_taken, last_admin."""

    code = "staff_refused"


class StaffService:
    def __init__(self, ledger: Ledger, permissions: Permissions) -> None:
        self._ledger = ledger
        self._permissions = permissions

    def list(self, viewer: UserView) -> list[StaffView]:
        self._permissions.require_role(viewer, "users.manage")
        with self._ledger.read() as session:
            return [StaffView(u.id, u.name, u.role, bool(u.active))
                    for u in session.scalars(select(User).order_by(User.active.desc(), User.name))]

    def add(self, admin: UserView, name: str, role: str, pin: str) -> StaffView:
        self._permissions.require_role(admin, "users.manage")
        name = " ".join(name.split())[:64]
        if not name:
            raise StaffError("name_required")
        self._check_role(role)
        pin_hash = hash_pin(pin)  # AuthError(pin_format) for anything but 4–8 digits
        with self._ledger.write() as session:
            if session.scalar(select(User.id).where(User.name == name, User.active.is_(True))) is not None:
                raise StaffError("name_taken", name=name)
            self._check_pin_free(session, pin, None)
            user = User(name=name, role=role, pin_hash=pin_hash, active=True, failed_attempts=0)
            session.add(user)
            session.flush()
            append_audit(session, "user.created", user_id=admin.user_id, details={"name": name, "role": role})
            return StaffView(user.id, name, role, True)

    def set_role(self, admin: UserView, user_id: int, role: str) -> StaffView:
        self._permissions.require_role(admin, "users.manage")
        self._check_role(role)
        with self._ledger.write() as session:
            user = self._get(session, user_id)
            if user.role == "admin" and role != "admin":
                self._check_not_last_admin(session, user)
            old, user.role = user.role, role
            append_audit(session, "user.role_changed", user_id=admin.user_id,
                         details={"name": user.name, "from": old, "to": role})
            return StaffView(user.id, user.name, user.role, bool(user.active))

    def reset_pin(self, admin: UserView, user_id: int, pin: str) -> None:
        self._permissions.require_role(admin, "users.manage")
        pin_hash = hash_pin(pin)
        with self._ledger.write() as session:
            user = self._get(session, user_id)
            self._check_pin_free(session, pin, user.id)
            user.pin_hash = pin_hash
            user.failed_attempts = 0
            append_audit(session, "user.pin_reset", user_id=admin.user_id, details={"name": user.name})

    def set_active(self, admin: UserView, user_id: int, active: bool) -> StaffView:
        self._permissions.require_role(admin, "users.manage")
        with self._ledger.write() as session:
            user = self._get(session, user_id)
            if not active and user.role == "admin":
                self._check_not_last_admin(session, user)
            user.active = active
            append_audit(session, "user.activated" if active else "user.deactivated", user_id=admin.user_id,
                         details={"name": user.name})
            return StaffView(user.id, user.name, user.role, active)

    @staticmethod
    def _check_role(role: str) -> None:
        if role not in ROLES:
            raise StaffError("bad_role", role=role)

    @staticmethod
    def _get(session: Session, user_id: int) -> User:
        user = session.get(User, user_id)
        if user is None:
            raise NotFound(what="user", id=user_id)
        return user

    @staticmethod
    def _check_pin_free(session: Session, pin: str, except_id: int | None) -> None:
        rows = session.execute(select(User.id, User.pin_hash).where(User.active.is_(True)))
        if any(uid != except_id and pin_matches(pin_hash, pin) for uid, pin_hash in rows):
            raise StaffError("pin_taken")

    @staticmethod
    def _check_not_last_admin(session: Session, user: User) -> None:
        admins = list(session.scalars(select(User.id).where(User.role == "admin", User.active.is_(True))))
        if admins == [user.id]:
            raise StaffError("last_admin")

"""Errors raised by use cases. Like domain errors: a stable code and parameters, no UI text."""

from __future__ import annotations

from pos.domain.errors import DomainError


class UnknownBarcode(DomainError):
    code = "unknown_barcode"


class InvalidBarcode(DomainError):
    code = "invalid_barcode"


class AuthError(DomainError):
    code = "auth_failed"  # params: reason = wrong_pin | locked | not_allowed


class ApprovalRequired(DomainError):
    """The action needs a manager's PIN; call again with ``approver_pin``."""

    code = "approval_required"


class StorageError(DomainError):
    """The ledger could not be written (locked, disk full). Nothing changed; the sale can be retried."""

    code = "storage_error"


class NotFound(DomainError):
    code = "not_found"

"""How a call to the online store failed, in the four kinds the engine treats differently."""

from __future__ import annotations


class StoreError(Exception):
    """Base class. ``code`` is the store's error code when it gave one (``rest_invalid_param``)."""

    def __init__(self, message: str, *, code: str = "", status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


class TransientError(StoreError):
    """Try again later: timeout, connection reset, 5xx, 429. ``retry_after`` in seconds when the store said."""

    def __init__(self, message: str, *, code: str = "", status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(message, code=code, status=status)
        self.retry_after = retry_after


class OfflineError(TransientError):
    """The store cannot be reached at all (DNS, refused, no route)."""


class AuthError(StoreError):
    """Credentials refused (401/403). Retrying will not help until someone fixes the keys."""


class PermanentError(StoreError):
    """The store refused this request as such (validation 4xx, unknown product). Park it for a manager."""

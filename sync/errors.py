"""How a call to the online store failed, in the four kinds the engine treats differently."""

from __future__ import annotations

from collections.abc import Mapping

from pos.domain.sync_reason import SyncReason, reason


class StoreError(Exception):
    """Base class. ``code`` is ours (``unknown_product``) or the store's error code when it gave one
    (``rest_invalid_param``); ``params`` are what the till's sentence for the code names (a SKU, a line)."""

    def __init__(self, message: str, *, code: str = "", status: int | None = None,
                 params: Mapping[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.params = dict(params or {})


class TransientError(StoreError):
    """Try again later: timeout, connection reset, 5xx, 429. ``retry_after`` in seconds when the store said."""

    def __init__(self, message: str, *, code: str = "", status: int | None = None,
                 retry_after: float | None = None, params: Mapping[str, object] | None = None) -> None:
        super().__init__(message, code=code, status=status, params=params)
        self.retry_after = retry_after


class OfflineError(TransientError):
    """The store cannot be reached at all (DNS, refused, no route)."""


class AuthError(StoreError):
    """Credentials refused (401/403). Retrying will not help until someone fixes the keys."""


class PermanentError(StoreError):
    """The store refused this request as such (validation 4xx, unknown product). Park it for a manager."""


def reason_of(exc: Exception) -> SyncReason:
    """What the outbox keeps and the panel shows for a failure (``pos/domain/sync_reason.py``)."""
    if isinstance(exc, StoreError):
        return reason(exc.code, exc.message, exc.status, **exc.params)
    return reason("", f"{type(exc).__name__}: {exc}")

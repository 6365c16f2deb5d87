"""Why the online store has not taken a document (yet), as the outbox keeps it (``last_error``) and the
sync status reports it.

A reason carries a ``code`` the till can say in the user's own language (ours, such as
``unknown_product``, or the store's own error code), the HTTP ``status`` when there was one, the
``params`` its sentence names (a SKU, a line, an order number) and the whole message in ``detail``:
ours in English, or the store's own words, for support and for codes the till has no sentence for.

It is stored as a small JSON object in the ledger's text column. A text that is not one (what was
stored before 2026-11-23: a plain English message) reads back as a reason with only a detail.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

MAX_CHARS = 2000  # what is stored: the detail is shortened to fit


@dataclass(frozen=True)
class SyncReason:
    code: str = ""
    detail: str = ""
    status: int | None = None
    params: Mapping[str, str] = field(default_factory=dict)

    def encode(self) -> str:
        text = self._json(self.detail)
        if len(text) > MAX_CHARS:
            over = len(text) - MAX_CHARS + 1
            text = self._json(self.detail[:max(len(self.detail) - over, 0)] + "…")
        return text

    def _json(self, detail: str) -> str:
        data: dict[str, Any] = {"code": self.code, "detail": detail}
        if self.status is not None:
            data["status"] = self.status
        if self.params:
            data["params"] = dict(self.params)
        return json.dumps(data, ensure_ascii=False)

    def line(self) -> str:
        """One line for logs and the audit trail: status, code and detail."""
        return " ".join(p for p in (str(self.status or ""), self.code, self.detail) if p)

    @classmethod
    def decode(cls, text: str | None) -> SyncReason | None:
        """The reason stored as ``text``; None for no text."""
        if not text:
            return None
        if text.startswith("{"):
            try:
                data = json.loads(text)
            except ValueError:
                data = None
            if isinstance(data, dict) and isinstance(data.get("code"), str) and isinstance(data.get("detail"), str):
                status = data.get("status")
                params = data.get("params")
                return cls(data["code"], data["detail"],
                           status if isinstance(status, int) and not isinstance(status, bool) else None,
                           {str(k): str(v) for k, v in params.items()} if isinstance(params, dict) else {})
        return cls(detail=text)


def reason(code: str, detail: str, status: int | None = None, **params: object) -> SyncReason:
    """A reason with its params as text (what a sentence shows)."""
    return SyncReason(code, detail, status, {k: str(v) for k, v in params.items() if v is not None})

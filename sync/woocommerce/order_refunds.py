"""The requests behind a return: find the online order (``get_order``, ``search_orders``), then list
and create its refunds. Refund bodies and answers are mapped in :mod:`sync.woocommerce.refunds`."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sync.connector import RemoteOrder
from sync.errors import PermanentError, TransientError
from sync.woocommerce.connector_state import ConnectorState
from sync.woocommerce.pickups import to_remote_order
from sync.woocommerce.products import format_gmt
from sync.woocommerce.refunds import CANNOT_REFUND, RemoteRefund, parse_refund


class OrderRefundsMixin(ConnectorState):
    """Order look-ups and refunds for :class:`sync.woocommerce.connector.WooCommerceConnector`."""

    def get_order(self, order_id: int) -> RemoteOrder | None:
        """``GET /orders/{id}``; ``None`` when the store has no such order (22)."""
        try:
            resp = self._client.get(f"wc/v3/orders/{order_id}")
        except PermanentError as exc:
            if exc.status == 404:
                return None
            raise
        return to_remote_order(resp.data, self.places) if isinstance(resp.data, dict) and "id" in resp.data else None

    def search_orders(self, *, search: str = "", created_via: str = "", after: datetime | None = None,
                      max_pages: int = 5) -> Iterator[RemoteOrder]:
        """Orders newest first matching ``search`` (number, e-mail, names — never meta, 08b) or
        created by the tills (``created_via``) after a point in time."""
        params: dict[str, Any] = {"orderby": "date", "order": "desc"}
        if search:
            params["search"] = search
        if created_via:
            params["created_via"] = created_via
        if after is not None:
            params["after"] = format_gmt(after if after.tzinfo else after.replace(tzinfo=UTC))
            params["dates_are_gmt"] = "true"
        for page, resp in enumerate(self._client.paginate("wc/v3/orders", params), start=1):
            for raw in resp.data if isinstance(resp.data, list) else []:
                if isinstance(raw, dict) and "id" in raw:
                    yield to_remote_order(raw, self.places)
            if page >= max_pages:
                return

    def list_refunds(self, order_id: int) -> list[RemoteRefund]:
        """``GET /orders/{id}/refunds`` (17b), newest first."""
        refunds: list[RemoteRefund] = []
        for resp in self._client.paginate(f"wc/v3/orders/{order_id}/refunds"):
            refunds += [parse_refund(r, self.places) for r in resp.data if isinstance(r, dict)] \
                if isinstance(resp.data, list) else []
        return refunds

    def create_refund(self, order_id: int, body: dict[str, Any]) -> RemoteRefund:
        """``POST /orders/{id}/refunds`` (17). Not idempotent: list the refunds first on a retry.
        A refund the store refuses (500 ``woocommerce_rest_cannot_create_order_refund``: too much,
        gateway cannot refund) raises ``PermanentError``: nothing was created (18, 18b, 18c)."""
        try:
            resp = self._client.post(f"wc/v3/orders/{order_id}/refunds", body)
        except TransientError as exc:
            if exc.code == CANNOT_REFUND:
                raise PermanentError(exc.message, code=CANNOT_REFUND, status=exc.status, params=exc.params) from None
            raise
        if not isinstance(resp.data, dict):
            raise TransientError(f"order {order_id}: the refund answer is not a refund; list refunds before retrying",
                                 code="invalid_answer", status=resp.status)
        return parse_refund(resp.data, self.places)

"""Online orders for click-and-collect: ``pull_orders``, order notes, and the status changes the
till makes (``complete_order``, ``record_payment``, ``cancel_order``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from sync.connector import RemoteOrder, RemoteOrderRef
from sync.errors import PermanentError, TransientError
from sync.woocommerce.connector_state import ConnectorState
from sync.woocommerce.keyset_paging import changed, overlapped
from sync.woocommerce.order_push import ORDER_FIELDS
from sync.woocommerce.orders import order_ref
from sync.woocommerce.pickups import payment_fields, payment_recorded, to_remote_order

GONE_STATUSES = frozenset({"cancelled", "refunded", "failed", "trash"})


def replace_extra(ref: RemoteOrderRef, **extra: Any) -> RemoteOrderRef:
    """``ref`` with more ``extra`` entries."""
    return RemoteOrderRef(ref.remote_id, ref.number, ref.status, {**ref.extra, **extra})


class OrderUpdatesMixin(ConnectorState):
    """Pickup orders for :class:`sync.woocommerce.connector.WooCommerceConnector`."""

    def pull_orders(self, modified_after: datetime | None) -> Iterator[list[RemoteOrder]]:
        """Pages of orders changed after ``modified_after`` (any status, so cancellations arrive),
        or — when ``None`` — the open ones (``processing``, ``on-hold``). Same keyset paging and 5 s
        overlap as :meth:`pull_products`: the caller dedupes by ``remote_id`` and keeps its cursor
        at the highest ``modified_gmt`` seen. Orders of every shipping method are returned; the
        caller keeps the pickups (``shipping_method`` in :data:`PICKUP_METHODS`)."""
        places = self.places
        since = None
        extra: dict[str, str] = {}
        if modified_after is None:
            extra["status"] = "processing,on-hold"
        else:
            since = overlapped(modified_after)
        for raws in changed(self._client, "wc/v3/orders", extra, since):
            yield [to_remote_order(raw, places) for raw in raws]

    def add_order_note(self, order_id: int, note: str, customer_note: bool) -> int:
        """``POST /orders/{id}/notes`` (12): a customer note also e-mails the customer."""
        resp = self._client.post(f"wc/v3/orders/{order_id}/notes", {"note": note, "customer_note": customer_note})
        return int(resp.data.get("id") or 0) if isinstance(resp.data, dict) else 0

    def order_notes(self, order_id: int) -> list[tuple[str, bool]]:
        """``GET /orders/{id}/notes`` (12b), newest first."""
        resp = self._client.get(f"wc/v3/orders/{order_id}/notes")
        return [(str(n.get("note") or ""), bool(n.get("customer_note"))) for n in resp.data
                if isinstance(n, dict)] if isinstance(resp.data, list) else []

    def _order_status(self, order_id: int) -> dict[str, Any]:
        resp = self._client.get(f"wc/v3/orders/{order_id}", {"_fields": ORDER_FIELDS})
        if not isinstance(resp.data, dict):
            raise TransientError(f"order {order_id}: expected an order", code="invalid_answer", status=resp.status)
        return resp.data

    def _set_status(self, order_id: int, status: str | None, refusing: frozenset[str], conflict: str,
                    note: str | None, payment: Mapping[str, Any] | None = None) -> RemoteOrderRef:
        """Re-read, then change what is not already so (``status`` None: keep the order's status)."""
        current = self._order_status(order_id)
        status = status or str(current.get("status") or "")
        body = {} if payment is None or payment_recorded(current, str(payment["sale_uuid"])) \
            else payment_fields(payment)
        if current.get("status") == status and not body:
            return replace_extra(order_ref(current), already=True)
        if current.get("status") in refusing:
            raise PermanentError(f"order {order_id} is {current.get('status')} online", code=conflict, status=409,
                                 params={"order": current.get("number") or order_id})
        if current.get("status") != status:
            body["status"] = status
        resp = self._client.request("PUT", f"wc/v3/orders/{order_id}", json_body=body)
        if not isinstance(resp.data, dict):
            raise TransientError(f"order {order_id}: expected an order", code="invalid_answer", status=resp.status)
        if note and "status" in body:
            self.add_order_note(order_id, note, False)
        return order_ref(resp.data)

    def complete_order(self, order_id: int, *, note: str | None = None,
                       payment: Mapping[str, Any] | None = None) -> RemoteOrderRef:
        """Hand-over done: re-read the order, then ``PUT {status: completed}`` (13) unless it is
        already completed (a retry after a lost answer → ``extra["already"]``). Cancelled, refunded,
        failed or trashed online → ``PermanentError`` ``order_cancelled_online``: never completed
        behind the store's back (that would take its stock a second time). Stock is not touched:
        processing → completed does not reduce it again. ``payment`` (paid at the till, see
        :func:`sync.woocommerce.pickups.payment_fields`) goes in the same PUT unless the order
        already carries it."""
        return self._set_status(order_id, "completed", GONE_STATUSES, "order_cancelled_online", note, payment)

    def record_payment(self, order_id: int, payment: Mapping[str, Any]) -> RemoteOrderRef:
        """A payment taken at the till for an order still open (a partial hand-over), once: an order
        that already carries it is left alone (``extra["already"]``); a cancelled one raises
        ``PermanentError`` ``order_cancelled_online``."""
        return self._set_status(order_id, None, GONE_STATUSES, "order_cancelled_online", None, payment)

    def cancel_order(self, order_id: int, *, note: str | None = None) -> RemoteOrderRef:
        """Cancel at the till's request (WooCommerce restores the order's stock); a completed or
        refunded order → ``PermanentError`` ``order_completed_online``."""
        return self._set_status(order_id, "cancelled", frozenset({"completed", "refunded"}),
                                "order_completed_online", note)

"""Till sales → WooCommerce orders: ``push_sale``, ``push_sales_batch`` and ``find_sale``.

Idempotency: WooCommerce has none for orders (recording 09: the same ``_pos_txn_uuid`` posted
twice makes two orders) and ``?search=`` does not look at meta (08b). Every order therefore
carries ``created_via`` and ``_pos_txn_uuid``, and :meth:`OrderPushMixin.find_sale` lists this
till's orders (``created_via``, created after a point in time, newest first) and matches the
meta. The engine calls it before re-sending any create whose answer it did not get.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from sync.connector import RemoteOrderRef
from sync.errors import TransientError
from sync.woocommerce.batch import push_batch
from sync.woocommerce.connector_state import ConnectorState
from sync.woocommerce.orders import UUID_META, OrderDraft, build_order, meta_value, order_ref
from sync.woocommerce.products import format_gmt

log = logging.getLogger(__name__)

FIND_MARGIN = timedelta(minutes=15)  # clock skew between the till and the store
ORDER_FIELDS = "id,number,status,total,created_via,date_created_gmt,meta_data"


class OrderPushMixin(ConnectorState):
    """Order creation and look-up for :class:`sync.woocommerce.connector.WooCommerceConnector`."""

    def push_sale(self, payload: dict[str, Any]) -> RemoteOrderRef:
        """Create the completed, paid order for a ``sale.completed`` payload (one POST).

        Not idempotent (WooCommerce is not): after a ``TransientError`` the order may exist, so
        the engine must call :meth:`find_sale` before sending it again. Raises ``PermanentError``
        without any request when the sale cannot be represented (a line without remote id, …).
        """
        draft = build_order(payload, self._options, self._currency)
        resp = self._client.post("wc/v3/orders", draft.body, headers={"Idempotency-Key": draft.sale_uuid})
        if not isinstance(resp.data, dict):
            raise TransientError("store answered the order create with something that is not an order; look the "
                                 "sale up before retrying", code="invalid_answer", status=resp.status)
        return self._checked(order_ref(resp.data, draft), draft)

    def _checked(self, ref: RemoteOrderRef, draft: OrderDraft) -> RemoteOrderRef:
        if "total_mismatch" in ref.extra:
            log.warning("order %s for sale %s: online total %s differs from the receipt (%s)", ref.number,
                        draft.sale_uuid, ref.extra["total_mismatch"]["online"],
                        ref.extra["total_mismatch"]["expected"])
        if "empty_lines" in ref.extra:
            log.warning("order %s for sale %s has empty lines (product deleted online?)", ref.number, draft.sale_uuid)
        return ref

    def find_sale(self, sale_uuid: str, created_after: datetime | None = None) -> RemoteOrderRef | None:
        """The order carrying ``_pos_txn_uuid == sale_uuid``, if any.

        Lists orders with ``created_via`` = ours, newest first, only the fields needed, and —
        when ``created_after`` is given (pass the time of the first push attempt, or the sale
        time) — only those created after it minus 15 minutes of clock-skew margin. Cost: one
        request per 100 of this till's orders in that window.
        """
        params: dict[str, Any] = {"created_via": self._options.created_via, "orderby": "date", "order": "desc",
                                  "_fields": ORDER_FIELDS}
        if created_after is not None:
            since = created_after if created_after.tzinfo else created_after.replace(tzinfo=UTC)
            params["after"] = format_gmt(since - FIND_MARGIN)
            params["dates_are_gmt"] = "true"
        for resp in self._client.paginate("wc/v3/orders", params):
            for order in resp.data:
                if isinstance(order, dict) and meta_value(order, UUID_META) == sale_uuid:
                    return order_ref(order)
        return None

    def push_sales_batch(self, payloads: list[dict[str, Any]]) -> list[RemoteOrderRef | Exception]:
        """Create orders with ``POST /orders/batch`` (≤ 100 per request; more are chunked; a 413
        splits the chunk). One result per payload, in order: a ``RemoteOrderRef`` or the error
        for that sale. A request that fails as a whole puts its error in every slot it covered
        (after a ``TransientError`` those orders may exist: look them up before retrying), and
        after an ``OfflineError``/``AuthError`` the remaining chunks are not sent.
        """
        return push_batch(self._client, payloads, lambda p: build_order(p, self._options, self._currency),
                          self._checked)

"""``WooCommerceConnector``: the :class:`sync.connector.StoreConnector` for WooCommerce REST v3
(and for the sandbox store, which speaks the same API).

Idempotency: WooCommerce has none for orders (recording 09: the same ``_pos_txn_uuid`` posted
twice makes two orders) and ``?search=`` does not look at meta (08b). Every order therefore
carries ``created_via`` and ``_pos_txn_uuid``, and :meth:`WooCommerceConnector.find_sale` lists
this till's orders (``created_via``, created after a point in time, newest first) and matches the
meta. The engine calls it before re-sending any create whose answer it did not get.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

from sync.connector import RemoteOrder, RemoteOrderRef, RemoteProduct, StoreInfo
from sync.errors import AuthError, PermanentError, TransientError
from sync.woocommerce.auth import AuthMode
from sync.woocommerce.batch import push_batch
from sync.woocommerce.client import DEFAULT_TIMEOUT, MAX_PER_PAGE, WooClient, not_rest_endpoint
from sync.woocommerce.money import exponent
from sync.woocommerce.orders import (
    DEFAULT_PAYMENT_TITLES,
    UUID_META,
    OrderDraft,
    OrderOptions,
    build_order,
    meta_value,
    order_ref,
)
from sync.woocommerce.pickups import payment_fields, payment_recorded, to_remote_order
from sync.woocommerce.products import (
    EPOCH,
    ParentInfo,
    format_gmt,
    is_sellable,
    modified_of,
    parent_info,
    to_remote_product,
)
from sync.woocommerce.refunds import CANNOT_REFUND, RemoteRefund, parse_refund
from sync.woocommerce.stock_writes import RemoteStock, read_stock, write_stock

log = logging.getLogger(__name__)

OVERLAP = timedelta(seconds=5)  # modified_after has 1 s granularity; see pull_products
FIND_MARGIN = timedelta(minutes=15)  # clock skew between the till and the store
_ORDER_FIELDS = "id,number,status,total,created_via,date_created_gmt,meta_data"


class WooCommerceConnector:
    """Talks to one WooCommerce store with a REST API key (read/write).

    ``base_url`` is the site root (``https://shop.example``; a pasted ``…/wp-json/wc/v3`` is
    trimmed). Over https the key goes as HTTP Basic, over http as OAuth 1.0a signatures.
    ``tax_class_map`` maps till tax codes (``ES-10``) to WooCommerce tax classes
    (``reduced-rate``) and is sent on order lines; ``tax_rates`` gives the percent of a till tax
    code when it is not the number at the end of the code. ``currency`` and
    ``prices_include_tax`` are used by :meth:`ping` when the store does not tell (the sandbox).
    One instance is meant for one thread at a time (the sync engine's).
    """

    def __init__(self, base_url: str, key: str, secret: str, *, created_via: str = "mostrador-pos",
                 tax_class_map: Mapping[str, str] | None = None, timeout: float | tuple[float, float] = DEFAULT_TIMEOUT,
                 tax_rates: Mapping[str, Decimal | str | int] | None = None, currency: str | None = None,
                 prices_include_tax: bool = True, payment_titles: Mapping[str, str] | None = None,
                 auth: AuthMode = "auto", client: WooClient | None = None) -> None:
        self._client = client or WooClient(base_url, key, secret, timeout=timeout, auth=auth)
        self._options = OrderOptions(created_via=created_via, tax_class_map=dict(tax_class_map or {}),
                                     tax_rates={k: Decimal(str(v)) for k, v in (tax_rates or {}).items()},
                                     payment_titles={**DEFAULT_PAYMENT_TITLES, **(payment_titles or {})})
        self._currency = currency.upper() if currency else None
        self._prices_include_tax = prices_include_tax
        self._parents: dict[int, ParentInfo] = {}
        self._has_variations_route = True

    @property
    def created_via(self) -> str:
        """The ``created_via`` value this till's orders carry."""
        return self._options.created_via

    @property
    def client(self) -> WooClient:
        """The underlying HTTP client (for tools, diagnostics and tests)."""
        return self._client

    def close(self) -> None:
        """Release pooled HTTP connections."""
        self._client.close()

    # ------------------------------------------------------------------ ping

    def ping(self) -> StoreInfo:
        """Check that the URL is a WordPress REST API with WooCommerce v3 and that the key works.

        Requests: the ``/wp-json/`` index (anonymous, site name and namespaces), one product
        (credentials), then the currency and tax settings (``/settings/general/woocommerce_currency``
        and ``/settings/tax/woocommerce_prices_include_tax``). When the settings routes are missing
        (sandbox) or not allowed for this key, the newest order's currency is used, and failing
        that the configured ``currency``.
        """
        try:
            index = self._client.get("", {"_fields": "name,namespaces"}, signed=False)
        except PermanentError as exc:
            if exc.status == 404:
                raise not_rest_endpoint(self._client.url(""), 404, "was not found") from None
            raise
        if not isinstance(index.data, dict) or "namespaces" not in index.data:
            raise not_rest_endpoint(self._client.url(""), index.status, "did not answer like WordPress")
        if "wc/v3" not in (index.data.get("namespaces") or []):
            raise PermanentError("the site has no WooCommerce REST API v3 (wc/v3): is WooCommerce installed and "
                                 "active?", code="no_woocommerce")
        self._client.get("wc/v3/products", {"per_page": 1, "_fields": "id"})
        currency, include_tax = self._store_settings()
        self._currency = currency
        return StoreInfo(name=str(index.data.get("name") or self._client.root), currency=currency,
                         prices_include_tax=include_tax)

    def _store_settings(self) -> tuple[str, bool]:
        try:
            currency = self._client.get("wc/v3/settings/general/woocommerce_currency").data
            include_tax = self._client.get("wc/v3/settings/tax/woocommerce_prices_include_tax").data
            if isinstance(currency, dict) and isinstance(include_tax, dict) and currency.get("value"):
                return str(currency["value"]).upper(), include_tax.get("value") == "yes"
        except (PermanentError, AuthError) as exc:
            log.debug("store settings not readable (%s); falling back", exc.code or exc.status)
        orders = self._client.get("wc/v3/orders", {"per_page": 1, "_fields": "currency,prices_include_tax"}).data
        if isinstance(orders, list) and orders and isinstance(orders[0], dict) and orders[0].get("currency"):
            return str(orders[0]["currency"]).upper(), bool(orders[0].get("prices_include_tax", True))
        return (self._currency or "EUR"), self._prices_include_tax

    # ------------------------------------------------------------------ catalogue

    def pull_products(self, modified_after: datetime | None) -> Iterator[list[RemoteProduct]]:
        """Pages of simple products and variations changed after ``modified_after`` (UTC; naive is
        taken as UTC), or everything when it is ``None``.

        Sources: ``/products`` (status any), ``/products?status=trash`` (trashed → inactive) and
        ``/variations``, each filtered with ``modified_after`` minus a 5 s overlap (the filter has
        1 s granularity), ``dates_are_gmt=true``, ``orderby=modified&order=asc``, 100 per page.
        Within a listing, pages advance by key (the last item's modified time) rather than by
        offset, so an item edited while we page cannot shift another item out of view.
        Incremental pulls also re-read the variations of variable parents that changed (their
        name, tax class and status live on the parent).

        The same product can appear more than once in one pull (overlap, parent re-reads):
        the caller dedupes by ``remote_id`` keeping the latest ``modified_gmt``, and advances its
        cursor to the highest ``modified_gmt`` only after the iteration completes. Deleted (not
        trashed) products never show up here: a full resync catches them.
        """
        places = exponent(self._currency)
        since = None
        if modified_after is not None:
            since = (modified_after if modified_after.tzinfo else modified_after.replace(tzinfo=UTC)) - OVERLAP
        changed_parents: list[int] = []
        for extra in ({}, {"status": "trash"}):
            for raws in self._changed("wc/v3/products", extra, since):
                page = []
                for raw in raws:
                    if raw.get("type") == "variable":
                        self._parents[int(raw["id"])] = parent_info(raw)
                        changed_parents.append(int(raw["id"]))
                    elif is_sellable(raw):
                        page.append(self._map(raw, places))
                if page:
                    yield page
        seen: set[int] = set()
        if self._has_variations_route:
            try:
                for raws in self._changed("wc/v3/variations", {}, since):
                    seen.update(int(r["id"]) for r in raws)
                    self._load_parents(int(r.get("parent_id") or 0) for r in raws if r.get("parent_id"))
                    yield [self._map(raw, places) for raw in raws]
            except PermanentError as exc:
                if exc.code != "rest_no_route":
                    raise
                log.warning("store has no /wc/v3/variations route (WooCommerce < 9); reading variations per parent")
                self._has_variations_route = False
        parents = changed_parents if since is not None or not self._has_variations_route else []
        for parent_id in dict.fromkeys(parents):
            for resp in self._client.paginate(f"wc/v3/products/{parent_id}/variations"):
                page = [self._map(r, places) for r in resp.data
                        if isinstance(r, dict) and "id" in r and int(r["id"]) not in seen]
                if page:
                    yield page

    def _map(self, raw: dict[str, Any], places: int) -> RemoteProduct:
        parent_id = int(raw.get("parent_id") or 0)
        if parent_id and parent_id not in self._parents:
            self._load_parents([parent_id])
        return to_remote_product(raw, places, self._parents.get(parent_id) if parent_id else None)

    def _load_parents(self, ids: Iterable[int]) -> None:
        """Fill the parent cache for variations whose parent was not in this pull."""
        missing = [i for i in dict.fromkeys(ids) if i not in self._parents]
        for status in ("any", "trash"):
            for start in range(0, len(missing), MAX_PER_PAGE):
                chunk = missing[start:start + MAX_PER_PAGE]
                resp = self._client.get("wc/v3/products", {"include": ",".join(map(str, chunk)), "status": status,
                                                           "per_page": MAX_PER_PAGE})
                for raw in resp.data if isinstance(resp.data, list) else []:
                    if isinstance(raw, dict) and "id" in raw:
                        self._parents[int(raw["id"])] = parent_info(raw)
            missing = [i for i in missing if i not in self._parents]
            if not missing:
                return

    def _changed(self, path: str, extra: Mapping[str, str], since: datetime | None) -> Iterator[list[dict[str, Any]]]:
        """Items of a listing ordered by modification time, paged by key; yields the new ones."""
        window, page = since, 1
        seen: set[tuple[int, str]] = set()
        while True:
            params: dict[str, Any] = {"orderby": "modified", "order": "asc", "dates_are_gmt": "true",
                                      "per_page": MAX_PER_PAGE, "page": page, **extra}
            if window is not None:
                params["modified_after"] = format_gmt(window)
            resp = self._client.get(path, params)
            if not isinstance(resp.data, list):
                raise TransientError(f"{path}: expected a list", code="bad_listing")
            items = [r for r in resp.data if isinstance(r, dict) and "id" in r]
            fresh = [r for r in items if (int(r["id"]), str(r.get("date_modified_gmt"))) not in seen]
            seen.update((int(r["id"]), str(r.get("date_modified_gmt"))) for r in items)
            if fresh:
                yield fresh
            total_pages = resp.total_pages
            if len(resp.data) < MAX_PER_PAGE or (total_pages is not None and page >= total_pages):
                return
            times = [modified_of(r) for r in items]
            ordered = all(a <= b for a, b in itertools.pairwise(times))
            restart = times[-1] - timedelta(seconds=1) if times and times[-1] != EPOCH else None
            if ordered and restart is not None and (window is None or restart > window):
                window, page = restart, 1
            else:
                page += 1

    # ------------------------------------------------------------------ orders

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
                                  "_fields": _ORDER_FIELDS}
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

    # ------------------------------------------------------------------ click-and-collect

    def pull_orders(self, modified_after: datetime | None) -> Iterator[list[RemoteOrder]]:
        """Pages of orders changed after ``modified_after`` (any status, so cancellations arrive),
        or — when ``None`` — the open ones (``processing``, ``on-hold``). Same keyset paging and 5 s
        overlap as :meth:`pull_products`: the caller dedupes by ``remote_id`` and keeps its cursor
        at the highest ``modified_gmt`` seen. Orders of every shipping method are returned; the
        caller keeps the pickups (``shipping_method`` in :data:`PICKUP_METHODS`)."""
        places = exponent(self._currency)
        since = None
        extra: dict[str, str] = {}
        if modified_after is None:
            extra["status"] = "processing,on-hold"
        else:
            since = (modified_after if modified_after.tzinfo else modified_after.replace(tzinfo=UTC)) - OVERLAP
        for raws in self._changed("wc/v3/orders", extra, since):
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
        resp = self._client.get(f"wc/v3/orders/{order_id}", {"_fields": _ORDER_FIELDS})
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
            raise PermanentError(f"order {order_id} is {current.get('status')} online", code=conflict, status=409)
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
        return self._set_status(order_id, "completed", _GONE_STATUSES, "order_cancelled_online", note, payment)

    def record_payment(self, order_id: int, payment: Mapping[str, Any]) -> RemoteOrderRef:
        """A payment taken at the till for an order still open (a partial hand-over), once: an order
        that already carries it is left alone (``extra["already"]``); a cancelled one raises
        ``PermanentError`` ``order_cancelled_online``."""
        return self._set_status(order_id, None, _GONE_STATUSES, "order_cancelled_online", None, payment)

    def cancel_order(self, order_id: int, *, note: str | None = None) -> RemoteOrderRef:
        """Cancel at the till's request (WooCommerce restores the order's stock); a completed or
        refunded order → ``PermanentError`` ``order_completed_online``."""
        return self._set_status(order_id, "cancelled", frozenset({"completed", "refunded"}),
                                "order_completed_online", note)

    # ------------------------------------------------------------------ stock counts

    def read_stock(self, remote_id: int, parent_id: int | None) -> RemoteStock:
        """A product's (or variation's) stock and the count adjustments it took (``stock_writes``)."""
        return read_stock(self._client, remote_id, parent_id)

    def write_stock(self, remote_id: int, parent_id: int | None, quantity: int,
                    applied: tuple[str, ...]) -> RemoteStock:
        """Absolute stock set plus the applied-adjustments meta, in one ``PUT`` (``stock_writes``)."""
        return write_stock(self._client, remote_id, parent_id, quantity, applied)


    # ------------------------------------------------------------------ returns (sync/woocommerce/refunds.py)

    @property
    def places(self) -> int:
        """Decimal places of the store's currency."""
        return exponent(self._currency)

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
                raise PermanentError(exc.message, code=CANNOT_REFUND, status=exc.status) from None
            raise
        if not isinstance(resp.data, dict):
            raise TransientError(f"order {order_id}: the refund answer is not a refund; list refunds before retrying",
                                 code="invalid_answer", status=resp.status)
        return parse_refund(resp.data, self.places)


_GONE_STATUSES = frozenset({"cancelled", "refunded", "failed", "trash"})


def replace_extra(ref: RemoteOrderRef, **extra: Any) -> RemoteOrderRef:
    """``ref`` with more ``extra`` entries."""
    return RemoteOrderRef(ref.remote_id, ref.number, ref.status, {**ref.extra, **extra})

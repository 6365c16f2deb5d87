"""``WooCommerceConnector``: the :class:`sync.connector.StoreConnector` for WooCommerce REST v3
(and for the sandbox store, which speaks the same API).

The class is put together from one mixin per feature; each lives in its own module:

* ``store_ping`` — :meth:`~WooCommerceConnector.ping` (site, key, currency and tax setting);
* ``catalogue_pull`` — :meth:`~WooCommerceConnector.pull_products`;
* ``order_push`` — ``push_sale``, ``push_sales_batch`` and ``find_sale`` (the idempotency look-up);
* ``order_updates`` — click-and-collect: ``pull_orders``, order notes, ``complete_order``,
  ``record_payment``, ``cancel_order``;
* ``order_refunds`` — returns: ``get_order``, ``search_orders``, ``list_refunds``, ``create_refund``;
* stock counts (``read_stock``, ``write_stock``) are here, delegating to ``stock_writes``.

Shared attributes are typed in ``connector_state``; keyset paging of modification-ordered listings
is in ``keyset_paging``.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from sync.woocommerce.auth import AuthMode
from sync.woocommerce.catalogue_pull import CataloguePullMixin
from sync.woocommerce.client import DEFAULT_TIMEOUT, WooClient
from sync.woocommerce.keyset_paging import OVERLAP
from sync.woocommerce.order_push import FIND_MARGIN, OrderPushMixin
from sync.woocommerce.order_refunds import OrderRefundsMixin
from sync.woocommerce.order_updates import OrderUpdatesMixin, replace_extra
from sync.woocommerce.orders import DEFAULT_PAYMENT_TITLES, OrderOptions
from sync.woocommerce.products import ParentInfo
from sync.woocommerce.stock_writes import RemoteStock, read_stock, write_stock
from sync.woocommerce.store_ping import StorePingMixin

__all__ = ["FIND_MARGIN", "OVERLAP", "WooCommerceConnector", "replace_extra"]


class WooCommerceConnector(StorePingMixin, CataloguePullMixin, OrderPushMixin, OrderUpdatesMixin,
                           OrderRefundsMixin):
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

    # ------------------------------------------------------------------ stock counts

    def read_stock(self, remote_id: int, parent_id: int | None) -> RemoteStock:
        """A product's (or variation's) stock and the count adjustments it took (``stock_writes``)."""
        return read_stock(self._client, remote_id, parent_id)

    def write_stock(self, remote_id: int, parent_id: int | None, quantity: int,
                    applied: tuple[str, ...]) -> RemoteStock:
        """Absolute stock set plus the applied-adjustments meta, in one ``PUT`` (``stock_writes``)."""
        return write_stock(self._client, remote_id, parent_id, quantity, applied)

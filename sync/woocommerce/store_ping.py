"""``ping``: is this a WordPress site with WooCommerce REST v3, does the key work, and what are the
store's currency and tax setting."""

from __future__ import annotations

import logging

from sync.connector import StoreInfo
from sync.errors import AuthError, PermanentError
from sync.woocommerce.client import not_rest_endpoint
from sync.woocommerce.connector_state import ConnectorState

log = logging.getLogger(__name__)


class StorePingMixin(ConnectorState):
    """:meth:`ping` for :class:`sync.woocommerce.connector.WooCommerceConnector`."""

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

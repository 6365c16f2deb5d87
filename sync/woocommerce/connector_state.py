"""What every part of :class:`sync.woocommerce.connector.WooCommerceConnector` shares.

The connector is put together from one mixin per feature (``store_ping``, ``catalogue_pull``,
``order_push``, ``order_updates``, ``order_refunds``); each of them subclasses
:class:`ConnectorState` so that the attributes set by ``WooCommerceConnector.__init__`` are typed
in one place.
"""

from __future__ import annotations

from sync.woocommerce.client import WooClient
from sync.woocommerce.money import exponent
from sync.woocommerce.orders import OrderOptions
from sync.woocommerce.products import ParentInfo


class ConnectorState:
    """Attributes of one connector (set in ``WooCommerceConnector.__init__``)."""

    _client: WooClient
    _options: OrderOptions
    _currency: str | None  # the store's, once :meth:`ping` has read it; else the configured one
    _prices_include_tax: bool
    _parents: dict[int, ParentInfo]  # variable parents seen so far (catalogue pull)
    _has_variations_route: bool  # False on WooCommerce < 9: variations are read per parent

    @property
    def places(self) -> int:
        """Decimal places of the store's currency."""
        return exponent(self._currency)

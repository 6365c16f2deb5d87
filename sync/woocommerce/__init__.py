"""WooCommerce REST v3 connector (also used for the sandbox store, which speaks the same API).

See docs/WOOCOMMERCE.md. Modules: ``auth`` (OAuth 1.0a / Basic), ``client`` (HTTP + error
mapping), ``products``, ``orders``, ``pickups`` and ``refunds`` (JSON mapping), ``money`` (exact
amounts), ``connector`` (the class, made of the ``store_ping``, ``catalogue_pull``, ``order_push``,
``order_updates`` and ``order_refunds`` mixins over ``connector_state``; ``keyset_paging``,
``batch`` and ``stock_writes`` are their helpers), ``customers`` and ``wallet``.
"""

from sync.woocommerce.connector import WooCommerceConnector

__all__ = ["WooCommerceConnector"]

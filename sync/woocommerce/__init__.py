"""WooCommerce REST v3 connector (also used for the sandbox store, which speaks the same API).

See docs/WOOCOMMERCE.md. Modules: ``auth`` (OAuth 1.0a / Basic), ``client`` (HTTP + error
mapping), ``products`` and ``orders`` (JSON mapping), ``money`` (exact amounts), ``connector``.
"""

from sync.woocommerce.connector import WooCommerceConnector

__all__ = ["WooCommerceConnector"]

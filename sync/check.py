""""Test connection": one call that tells apart the ways a store connection goes wrong."""

from __future__ import annotations

from urllib.parse import urlsplit

from pos.services.dto import ConnectionCheck
from sync.errors import AuthError, OfflineError, PermanentError, StoreError
from sync.woocommerce import WooCommerceConnector


def check_store(url: str, key: str, secret: str, *, timeout: float = 8.0) -> ConnectionCheck:
    """Kinds: ok, bad_url, unreachable, tls, no_rest (permalinks off / not WordPress),
    no_woocommerce, bad_credentials, error. Never raises for a store problem."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ConnectionCheck("bad_url", f"{url!r} is not an http(s) address")
    if not key or not secret:
        return ConnectionCheck("bad_credentials", "consumer key and secret are both needed")
    try:
        info = WooCommerceConnector(url.strip(), key.strip(), secret.strip(), timeout=(timeout, timeout)).ping()
    except AuthError as exc:
        return ConnectionCheck("bad_credentials", exc.message)
    except OfflineError as exc:
        return ConnectionCheck("tls" if exc.code == "tls_error" else "unreachable", exc.message)
    except PermanentError as exc:
        kinds = {"not_rest_endpoint": "no_rest", "no_woocommerce": "no_woocommerce", "redirect": "bad_url"}
        return ConnectionCheck(kinds.get(exc.code, "error"), exc.message)
    except StoreError as exc:
        return ConnectionCheck("error", exc.message)
    return ConnectionCheck("ok", f"{info.name} ({info.currency})", store_name=info.name)

"""Why the online store has not taken a document, in the user's language (``pos/domain/sync_reason.py``).

A code the till knows gets its own sentence; the store's own codes get one by HTTP status, followed by
the store's words (which are in the store's language). The whole message, as sync recorded it, is the
tooltip, for support.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from pos.domain.sync_reason import SyncReason

translate = QCoreApplication.translate  # (lupdate finds translate("context", "text") calls)

CANNOT_REFUND = "woocommerce_rest_cannot_create_order_refund"  # the store's code (sync/woocommerce/refunds.py)
# Answers the till could not read: one sentence for all of them.
_UNREADABLE = frozenset({"invalid_json", "invalid_answer", "empty_body", "bad_listing", "no_result", "http_error"})


def _fill(text: str, *values: str) -> str:
    for i, value in enumerate(values, start=1):
        text = text.replace(f"%{i}", value)
    return text


def _sentence(code: str, p: Mapping[str, str]) -> str | None:
    line, product, order = p.get("line", "?"), p.get("product", "?"), p.get("order", "?")
    # What the till itself found wrong with the document (it is parked for a manager).
    if code == "unknown_product":
        return _fill(translate("SyncReason", "Line %1: %2 is not linked to an online product. Reload the catalogue, "
                                             "or link it in the store, then retry."), line, product)
    if code == "invalid_line":
        return _fill(translate("SyncReason", "Line %1 (%2): the quantity and amounts must be positive."), line, product)
    if code == "unknown_tax_rate":
        return _fill(translate("SyncReason", "Line %1: the online store has no tax rate for tax code %2."), line,
                     p.get("tax_code", "?"))
    if code == "invalid_payload":
        return translate("SyncReason", "The document is incomplete and cannot be sent.")
    if code == "currency_mismatch":
        return _fill(translate("SyncReason", "The sale is in %1 but the online store works in %2."),
                     p.get("currency", "?"), p.get("store_currency", "?"))
    if code == "product_not_linked":
        return _fill(translate("SyncReason", "%1 is not linked to an online product."), product)
    if code == "bad_quantity":
        return _fill(translate("SyncReason", "The online store only counts stock in whole units (not %1)."),
                     p.get("quantity", "?"))
    if code == "stock_writes_unsupported":
        return translate("SyncReason", "This online store cannot take stock adjustments.")
    if code == "no_handler":
        return _fill(translate("SyncReason", "This till cannot send documents of this kind (%1)."), p.get("event", "?"))
    if code == "unencodable_body":
        return translate("SyncReason", "The document has values the online store cannot read.")
    # Returns and pickups of online orders.
    if code == "order_not_found":
        return _fill(translate("SyncReason", "Order %1 no longer exists in the online store."), order)
    if code == "original_not_online":
        return _fill(translate("SyncReason", "The original sale %1 never reached the online store: refund it online "
                                             "by hand."), p.get("receipt", "?"))
    if code == "line_not_found":
        return _fill(translate("SyncReason", "%1 is not on online order %2."), product, order)
    if code == "already_refunded":
        return _fill(translate("SyncReason", "Online order %1: that line was already refunded online, so this return "
                                             "was not sent again."), order)
    if code == "order_cancelled_online":
        return _fill(translate("SyncReason", "Order %1 was cancelled online."), order)
    if code == "order_completed_online":
        return _fill(translate("SyncReason", "Order %1 was already completed online."), order)
    # Loyalty.
    if code == "wallet_movement_missing":
        return translate("SyncReason", "The wallet movement is missing from this till's records.")
    if code == "no_wallet_credentials":
        return translate("SyncReason", "No wallet credentials are set up for the online store.")
    if code == "customer_not_online":
        return translate("SyncReason", "The customer has no online account yet: waiting for it to be created.")
    if code == "hold_not_in_store":
        return translate("SyncReason", "The amount held never reached the online store: nothing to give back.")
    # The store's address and the connection to it.
    if code == "not_rest_endpoint":
        return translate("SyncReason", "The store address does not answer as a WordPress site: check the address, and "
                                       "that permalinks are not set to 'Plain'.")
    if code == "rest_no_route":
        return translate("SyncReason", "The store does not offer this service: is WooCommerce active and up to date?")
    if code == "no_woocommerce":
        return translate("SyncReason", "The site has no WooCommerce: is the plugin installed and active?")
    if code == "redirect":
        return _fill(translate("SyncReason", "The store address redirects to %1: set that address in the store "
                                             "settings."), p.get("target", "?"))
    if code == "timeout":
        return translate("SyncReason", "The online store did not answer in time.")
    if code in ("connect_timeout", "unreachable"):
        return translate("SyncReason", "The online store cannot be reached.")
    if code == "connection_dropped":
        return translate("SyncReason", "The connection to the online store dropped before its answer.")
    if code == "tls_error":
        return translate("SyncReason", "The online store's security certificate was not accepted.")
    if code in _UNREADABLE:
        return translate("SyncReason", "The online store gave an answer the till cannot read.")
    return None


def _by_status(status: int | None) -> str | None:
    if status in (401, 403):
        return translate("SyncReason", "The online store refused the credentials.")
    if status == 429:
        return translate("SyncReason", "The online store asked the till to wait (too many requests).")
    if status is not None and status >= 500:
        return _fill(translate("SyncReason", "The online store had an internal error (HTTP %1)."), str(status))
    if status is not None and status >= 400:
        return _fill(translate("SyncReason", "The online store refused it (HTTP %1)."), str(status))
    return None


def reason_text(reason: SyncReason | None) -> str:
    """One sentence for the panel, the dashboard and the status details; empty for no reason. For the
    store's own error codes, the sentence goes by HTTP status and is followed by the store's words."""
    if reason is None:
        return ""
    sentence = _sentence(reason.code, reason.params)
    if sentence is not None:
        return sentence
    if reason.code == CANNOT_REFUND:
        general: str | None = translate("SyncReason", "The online store refused the refund.")
    else:
        general = _by_status(reason.status)
    if general is None:
        return reason.detail  # neither ours nor an HTTP answer (or stored before reasons had codes): as recorded
    said = reason.params.get("store_message", "")
    return f"{general} {said}" if said else general


def reason_tooltip(reason: SyncReason | None) -> str:
    """The whole message as sync recorded it (English, or the store's words), with its code."""
    if reason is None:
        return ""
    head = " ".join(p for p in (str(reason.status or ""), reason.code) if p)
    return f"{head}: {reason.detail}" if head else reason.detail

"""``POST /orders/batch`` for till sales: chunking, 413 splitting and per-item results (recording 20b)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pos.ledger.foreground import yield_to_till
from sync.connector import RemoteOrderRef
from sync.errors import AuthError, OfflineError, PermanentError, StoreError, TransientError
from sync.woocommerce.client import WooClient, error_from_response
from sync.woocommerce.orders import OrderDraft, order_ref

BATCH_LIMIT = 100  # WooCommerce answers 413 above this (19b)
BATCH_PATH = "wc/v3/orders/batch"

Results = list[RemoteOrderRef | Exception | None]
Check = Callable[[RemoteOrderRef, OrderDraft], RemoteOrderRef]


def push_batch(client: WooClient, payloads: list[dict[str, Any]], build: Callable[[dict[str, Any]], OrderDraft],
               check: Check) -> list[RemoteOrderRef | Exception]:
    """One result per payload, in order (see ``WooCommerceConnector.push_sales_batch``)."""
    results: Results = [None] * len(payloads)
    drafts: list[tuple[int, OrderDraft]] = []
    for i, payload in enumerate(payloads):
        yield_to_till()  # one order at a time: the till's sale or scan need not take turns with them
        try:
            drafts.append((i, build(payload)))
        except PermanentError as exc:
            results[i] = exc
    stop: StoreError | None = None
    for start in range(0, len(drafts), BATCH_LIMIT):
        chunk = drafts[start:start + BATCH_LIMIT]
        if stop is not None:
            for i, _ in chunk:
                results[i] = stop
            continue
        stop = _send(client, chunk, results, check)
    return [r if r is not None else TransientError("no result", code="no_result") for r in results]


def item_error(error: Mapping[str, Any], url: str) -> StoreError:
    """A per-item ``{code, message, data: {status}}`` as one of the engine's error kinds."""
    details = error.get("data")
    status = details.get("status") if isinstance(details, Mapping) else details
    return error_from_response(status if isinstance(status, int) else 400, error, {}, url)


def _send(client: WooClient, chunk: list[tuple[int, OrderDraft]], results: Results, check: Check) -> StoreError | None:
    """Send one chunk; returns an error that should stop the following chunks."""
    try:
        resp = client.post(BATCH_PATH, {"create": [d.body for _, d in chunk]})
    except StoreError as exc:
        if exc.status == 413 and len(chunk) > 1:
            half = len(chunk) // 2
            stop = _send(client, chunk[:half], results, check)
            if stop is None:
                return _send(client, chunk[half:], results, check)
            for i, _ in chunk[half:]:
                results[i] = stop
            return stop
        for i, _ in chunk:
            results[i] = exc
        return exc if isinstance(exc, OfflineError | AuthError) else None
    created = resp.data.get("create") if isinstance(resp.data, dict) else None
    if not isinstance(created, list) or len(created) != len(chunk):
        err = TransientError("batch answer does not match the request; look the sales up before retrying",
                             code="invalid_answer", status=resp.status)
        for i, _ in chunk:
            results[i] = err
        return None
    for (i, draft), item in zip(chunk, created, strict=True):
        yield_to_till()
        if isinstance(item, dict) and isinstance(item.get("error"), dict):
            results[i] = item_error(item["error"], client.url(BATCH_PATH))
        elif isinstance(item, dict):
            try:
                results[i] = check(order_ref(item, draft), draft)
            except TransientError as exc:
                results[i] = exc
        else:
            results[i] = TransientError("batch answer item is not an order", code="invalid_answer")
    return None

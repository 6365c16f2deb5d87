"""The sync engine: a plain thread that pulls the catalogue and drains the outbox.

It never holds a database transaction open across a network call: every step is
read (short transaction) → HTTP → write (short transaction). Status goes out through a
callback, which the UI turns into a Qt signal; the engine itself knows nothing of Qt.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from pos.domain.sync_reason import reason
from pos.ledger.db import Ledger
from pos.ledger.foreground import mark_background_thread
from pos.ledger.models import utcnow
from pos.runtime_tuning import lower_thread_priority
from pos.services.dto import SyncStatus
from sync import (
    catalog_store,
    count_push,
    customers_store,
    online_orders_store,
    orders_store,
    outbox_store,
    pickup_push,
    returns_push,
)
from sync.connector import StoreConnector
from sync.errors import AuthError, OfflineError, PermanentError, StoreError, TransientError, reason_of
from sync.loyalty import LoyaltyLink
from sync.loyalty_push import LOYALTY_EVENTS
from sync.outbox_store import DueEvent

log = logging.getLogger(__name__)

PRODUCTS_CURSOR = "products.modified_after"
ORDERS_CURSOR = orders_store.ORDERS_CURSOR
PICKUP_EVENTS = pickup_push.PICKUP_EVENTS
CURSOR_OVERLAP = timedelta(seconds=5)  # modified_after has 1 s granularity: re-read a little, dedupe by id
BATCH_MIN = 5  # below this many fresh sales, single creates are simpler and as fast
MAX_BACKOFF_S = 300.0


def backoff_seconds(attempts: int, retry_after: float | None = None, rng: random.Random | None = None) -> float:
    """Exponential backoff with full jitter, at least what the store asked for in Retry-After."""
    base = min(MAX_BACKOFF_S, 2.0 ** max(0, attempts - 1))
    jittered = (rng or random).uniform(base / 2, base)
    return max(jittered, retry_after or 0.0)


class SyncEngine:
    def __init__(self, ledger: Ledger, connector: StoreConnector, *, currency: str,
                 on_status: Callable[[SyncStatus], None] | None = None, store_name: str = "",
                 pull_interval_s: float = 60.0, idle_wait_s: float = 1.0, pickup_location: str = "",
                 pull_orders: bool = True, full_resync_first: bool = True,
                 loyalty: LoyaltyLink | None = None) -> None:
        self._ledger = ledger
        self._connector = connector
        self._currency = currency
        self._on_status = on_status
        self._pull_interval = pull_interval_s
        self._idle_wait = idle_wait_s
        self._pickup_location = pickup_location
        self._pull_orders_enabled = pull_orders
        self._loyalty = loyalty  # customers and the wallet (sync/loyalty.py); None: not configured
        self._wake = threading.Event()
        self._pull_requested = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        # A till that has pulled before starts from its stored cursor: re-reading a 100,000-product catalogue
        # at every start costs minutes. A full resync stays one click away (sync panel) for deletions.
        self._full_resync = full_resync_first and catalog_store.get_cursor(ledger, PRODUCTS_CURSOR) is None
        self._last_pull: datetime | None = None
        pending, parked = outbox_store.counts(ledger)
        self.status = SyncStatus(configured=True, online=False, offline_since=None, pending=pending, parked=parked,
                                 last_success=None, store_name=store_name)

    # --- control (any thread) ---------------------------------------------------------
    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="sync-engine", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        """Something new is in the outbox: do not wait for the next poll."""
        self._wake.set()

    def request_pull(self) -> None:
        """Pull changes from the cursor at the next pass instead of waiting for the interval. A request
        made while a pass is running is kept for the next one (that pass may have read its pages already)."""
        self._pull_requested.set()
        self._wake.set()

    def request_full_resync(self) -> None:
        self._full_resync = True
        if self._loyalty is not None:
            self._loyalty.full_pull_requested = True
        self._wake.set()

    # --- the loop ---------------------------------------------------------------------
    def _run(self) -> None:
        mark_background_thread()  # the till's threads go first in the ledger (pos/ledger/foreground.py)…
        lower_thread_priority()  # …and to a CPU (pos/runtime_tuning.py)
        failures = 0
        while not self._stop.is_set():
            try:
                ok = self.run_once()
            except Exception:  # a bug must not kill sync for the rest of the day
                log.exception("sync pass failed")
                ok = False
            failures = 0 if ok else failures + 1
            # While the store is down, come back less and less often (but a new sale still wakes us).
            self._wake.wait(self._idle_wait if ok else min(60.0, backoff_seconds(failures)))
            self._wake.clear()

    def run_once(self) -> bool:
        """One pass: pull the catalogue when due, then push what is due. Returns False when the store
        failed us. Safe to call directly in tests."""
        now = utcnow()
        requested = self._pull_requested.is_set()
        self._pull_requested.clear()
        try:
            if requested or self._full_resync or self._last_pull is None or now - self._last_pull >= timedelta(
                    seconds=self._pull_interval):
                self._pull_products()
                if self._pull_orders_enabled and not self._stop.is_set():
                    self._pull_orders()
                if self._loyalty is not None and not self._stop.is_set():
                    self._loyalty.pull_customers()
                self._last_pull = now
                requested = False
            self._push_due()
        except AuthError as exc:
            self._failed(exc, auth=True)
            return False
        except StoreError as exc:
            self._failed(exc)
            return False
        else:
            self._succeeded()
            return True
        finally:
            if requested:  # the pull did not finish: it stays requested
                self._pull_requested.set()
            self._refresh_counts()

    # --- pull -------------------------------------------------------------------------
    def _pull_products(self) -> None:
        cursor = None if self._full_resync else catalog_store.get_cursor(self._ledger, PRODUCTS_CURSOR)
        since = datetime.fromisoformat(cursor) - CURSOR_OVERLAP if cursor else None
        newest: datetime | None = None
        for page in self._connector.pull_products(since):
            catalog_store.apply_products(self._ledger, page, self._currency)
            page_newest = catalog_store.newest_modified(page)
            if page_newest and (newest is None or page_newest > newest):
                newest = page_newest
            if self._stop.is_set():
                return  # the cursor stays where it was: the next pull starts over from there
        # Products and variations come as separate streams, so the cursor only moves once both are in.
        if newest is not None:
            catalog_store.set_cursor(self._ledger, PRODUCTS_CURSOR, newest.isoformat())
        self._full_resync = False

    def _pull_orders(self) -> None:
        """Click-and-collect orders from their own cursor (the open ones when there is none)."""
        cursor = catalog_store.get_cursor(self._ledger, ORDERS_CURSOR)
        since = datetime.fromisoformat(cursor) - CURSOR_OVERLAP if cursor else None
        newest: datetime | None = None
        for page in self._connector.pull_orders(since):
            orders_store.apply_orders(self._ledger, page, self._pickup_location)
            online_orders_store.apply_pulled(self._ledger, page)  # returnable orders (returns screen)
            page_newest = max((o.modified_gmt for o in page), default=None)
            if page_newest and (newest is None or page_newest > newest):
                newest = page_newest
            if self._stop.is_set():
                return
        if newest is not None and (cursor is None or newest > datetime.fromisoformat(cursor)):
            catalog_store.set_cursor(self._ledger, ORDERS_CURSOR, newest.isoformat())

    # --- push -------------------------------------------------------------------------
    def _push_due(self) -> None:
        while not self._stop.is_set():
            events = outbox_store.due_events(self._ledger, utcnow())
            if not events:
                return
            retries = [e for e in events if e.attempts > 0 or e.event_type != "sale.completed"]
            fresh = [e for e in events if e.attempts == 0 and e.event_type == "sale.completed"]
            for event in retries:
                self._push_one(event)
            if len(fresh) >= BATCH_MIN:
                self._push_batch(fresh)
            else:
                for event in fresh:
                    self._push_one(event)

    def _prepared(self, event: DueEvent) -> dict[str, object]:
        payload = dict(event.payload)
        lines = [dict(line) for line in payload.get("lines", [])]  # type: ignore[union-attr]
        missing = [int(line["product_id"]) for line in lines if not line.get("remote_id")]
        if missing:
            known = outbox_store.current_remote_ids(self._ledger, missing)
            for line in lines:
                if not line.get("remote_id"):
                    line["remote_id"], line["remote_parent_id"] = known.get(int(line["product_id"]), (None, None))
        payload["lines"] = lines
        # The sale names the local customer; the order needs the store's id (known once linked).
        payload["customer_remote_id"] = customers_store.remote_id_of(self._ledger, customer_id=int(
            payload["customer_id"])) if payload.get("customer_id") else None  # type: ignore[arg-type]
        return payload

    def _push_one(self, event: DueEvent) -> None:
        if event.event_type in PICKUP_EVENTS:
            self._push_pickup(event)
            return
        if event.event_type == count_push.EVENT_TYPE:
            self._push_count_adjustment(event)
            return
        if event.event_type in returns_push.EVENTS:
            returns_push.push_refund(self._ledger, self._connector, event, self._schedule_retry)  # type: ignore[arg-type]
            return
        if event.event_type in LOYALTY_EVENTS and self._loyalty is not None:
            try:
                self._loyalty.push(event)
            except TransientError as exc:
                self._schedule_retry(event, exc)
                raise
            return
        if event.event_type != "sale.completed":
            outbox_store.mark_parked(self._ledger, event.event_id, reason(
                "no_handler", f"no handler for {event.event_type}", event=event.event_type))
            return
        if event.attempts > 0:
            # An earlier request may have created the order before its answer was lost.
            found = self._connector.find_sale(event.aggregate_uuid, event.created_at - timedelta(days=1))
            if found is not None:
                self._sent(event, found.remote_id)
                return
        outbox_store.mark_attempt(self._ledger, [event.event_id])
        try:
            ref = self._connector.push_sale(self._prepared(event))
        except PermanentError as exc:
            outbox_store.mark_parked(self._ledger, event.event_id, reason_of(exc))
            return
        except TransientError as exc:
            self._schedule_retry(event, exc)
            raise
        self._sent(event, ref.remote_id)

    def _push_pickup(self, event: DueEvent) -> None:
        """Click-and-collect events (``sync/pickup_push.py``): each step looks before it acts, so a
        retry after a lost answer never repeats a note, a completion or a payment."""
        order_id = int(event.payload["remote_id"])
        try:
            if pickup_push.already_delivered(self._connector, event.event_type, event.payload, event.attempts):
                self._sent(event, order_id)
                return
            outbox_store.mark_attempt(self._ledger, [event.event_id])
            pickup_push.deliver(self._connector, event.event_type, event.payload)
        except PermanentError as exc:
            outbox_store.mark_parked(self._ledger, event.event_id, reason_of(exc))
            if exc.code in ("order_cancelled_online", "order_completed_online"):
                orders_store.record_push_conflict(self._ledger, event.aggregate_uuid, str(exc.code), _describe(exc))
            return
        except TransientError as exc:
            self._schedule_retry(event, exc)
            raise
        self._sent(event, order_id)

    def _push_count_adjustment(self, event: DueEvent) -> None:
        """Stock-count adjustments: re-read, then absolute set with the adjustment's UUID (``count_push``)."""
        try:
            count_push.push_adjustment(self._ledger, self._connector, event)
        except TransientError as exc:
            self._schedule_retry(event, exc)
            raise

    def _sent(self, event: DueEvent, remote_id: int) -> None:
        moves = outbox_store.sale_stock_moves(event.payload) if event.event_type == "sale.completed" else None
        outbox_store.mark_sent(self._ledger, event.event_id, str(remote_id), moves)

    def _push_batch(self, events: list[DueEvent]) -> None:
        outbox_store.mark_attempt(self._ledger, [e.event_id for e in events])
        try:
            results = self._connector.push_sales_batch([self._prepared(e) for e in events])
        except TransientError as exc:
            for event in events:
                self._schedule_retry(replace(event, attempts=event.attempts + 1), exc)
            raise
        transient: Exception | None = None
        sent: list[tuple[int, str, dict[int, int]]] = []
        for event, result in zip(events, results, strict=True):
            if isinstance(result, PermanentError):
                outbox_store.mark_parked(self._ledger, event.event_id, reason_of(result))
            elif isinstance(result, Exception):
                self._schedule_retry(replace(event, attempts=event.attempts + 1), result)
                transient = transient or result
            else:
                sent.append((event.event_id, str(result.remote_id), outbox_store.sale_stock_moves(event.payload)))
        outbox_store.mark_sent_many(self._ledger, sent)
        if isinstance(transient, StoreError):
            raise transient  # the pass failed: status goes offline and the loop backs off

    def _schedule_retry(self, event: DueEvent, exc: Exception) -> None:
        retry_after = exc.retry_after if isinstance(exc, TransientError) else None
        delay = backoff_seconds(event.attempts + 1, retry_after)
        outbox_store.mark_retry(self._ledger, event.event_id, reason_of(exc), utcnow() + timedelta(seconds=delay))

    # --- status -----------------------------------------------------------------------
    def _succeeded(self) -> None:
        self._set(online=True, offline_since=None, last_success=utcnow(), last_error=None, auth_failed=False)

    def _failed(self, exc: StoreError, *, auth: bool = False) -> None:
        log.warning("sync: %s", _describe(exc))
        offline = isinstance(exc, OfflineError | TransientError) or auth
        since = self.status.offline_since or (utcnow() if offline else None)
        self._set(online=not offline, offline_since=since if offline else None, last_error=reason_of(exc),
                  auth_failed=auth)

    def _refresh_counts(self) -> None:
        pending, parked = outbox_store.counts(self._ledger)
        self._set(pending=pending, parked=parked)

    def _set(self, **changes: object) -> None:
        new = replace(self.status, **changes)  # type: ignore[arg-type]
        if new != self.status:
            self.status = new
            if self._on_status is not None:
                self._on_status(new)


def _describe(exc: Exception) -> str:
    """One line for the log and the audit trail (the panel says ``reason_of`` in the user's words)."""
    return reason_of(exc).line()

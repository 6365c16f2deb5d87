"""Delivering the loyalty outbox events: ``customer.created``, ``wallet.credit``, ``wallet.debit``.

Called by the sync engine (``SyncEngine._push_one`` dispatches here by event type) and by the
checkout's immediate push of a wallet hold (``LoyaltyLink.push_now``); both run the same code, and
the movement's uuid goes as the ``Idempotency-Key``, so whoever sends it, however often, the store
moves the money once. Raises ``TransientError`` (the caller schedules the retry); a refusal is
recorded here (a conflict is parked for the manager).
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from pos.domain.sync_reason import reason
from pos.ledger.db import Ledger
from pos.ledger.models import utcnow
from sync import customers_store, loyalty_store, outbox_store
from sync.errors import AuthError, PermanentError, reason_of
from sync.outbox_store import DueEvent
from sync.woocommerce.customers import EMAIL_EXISTS, CustomersApi
from sync.woocommerce.wallet import TeraWalletApi

log = logging.getLogger(__name__)

KEY_MEMORY = timedelta(hours=20)  # TeraWallet keeps keys 24 h; leave room for clock skew
LOYALTY_EVENTS = frozenset({"customer.created", "wallet.credit", "wallet.debit"})


def push(ledger: Ledger, customers: CustomersApi, wallet: TeraWalletApi | None, event: DueEvent) -> str:
    """Deliver one event. Returns ``delivered``, ``refused``, ``conflict``, ``void`` or ``waiting``."""
    if event.event_type == "customer.created":
        return _push_customer(ledger, customers, event)
    if wallet is None:
        outbox_store.mark_retry(ledger, event.event_id, reason(
            "no_wallet_credentials", "no wallet credentials (MOSTRADOR_WALLET_USER / MOSTRADOR_WALLET_PASSWORD "
            "or the keyring)"), _later(600))
        return "waiting"
    return _push_wallet(ledger, wallet, event)


def _later(seconds: float) -> datetime:
    return utcnow() + timedelta(seconds=seconds)


def _push_customer(ledger: Ledger, api: CustomersApi, event: DueEvent) -> str:
    p = event.payload
    email = str(p.get("email") or "")
    customer_uuid = str(p.get("customer_uuid") or event.aggregate_uuid)
    if event.attempts > 0:  # an earlier request may have created it before its answer was lost
        found = api.by_email(email)
        if found is not None:
            customers_store.link_created(ledger, customer_uuid, found, existing_account=False)
            outbox_store.mark_sent(ledger, event.event_id, str(found.remote_id))
            return "delivered"
    if not loyalty_store.claim(ledger, event.event_id):
        return "void"
    try:
        remote = api.create(email=email, first_name=str(p.get("first_name") or ""),
                            last_name=str(p.get("last_name") or ""), phone=str(p.get("phone") or ""),
                            loyalty_code=str(p.get("loyalty_code") or ""))
        existing = False
    except PermanentError as exc:
        if exc.code != EMAIL_EXISTS:
            outbox_store.mark_parked(ledger, event.event_id, reason_of(exc))
            return "refused"
        found = api.by_email(email)  # 14b: the account exists online: link it, never a duplicate
        if found is None:
            outbox_store.mark_parked(ledger, event.event_id, reason_of(exc))
            return "refused"
        remote, existing = found, True
        if not found.loyalty_code and p.get("loyalty_code"):
            remote = api.set_code(found.remote_id, str(p["loyalty_code"]))
    customers_store.link_created(ledger, customer_uuid, remote, existing_account=existing)
    outbox_store.mark_sent(ledger, event.event_id, str(remote.remote_id))
    return "delivered"


def _push_wallet(ledger: Ledger, wallet: TeraWalletApi, event: DueEvent) -> str:
    ref = loyalty_store.movement(ledger, event.uuid)
    if ref is None:
        outbox_store.mark_parked(ledger, event.event_id, reason(
            "wallet_movement_missing", "wallet movement missing from the ledger"))
        return "refused"
    if ref.releases:
        released = loyalty_store.movement(ledger, ref.releases)
        if released is None or not released.delivered:
            # The hold it gives back never reached the store (refused, or voided): nothing to give back.
            loyalty_store.skipped(ledger, event.event_id, ref.uuid, reason(
                "hold_not_in_store", "the hold never reached the store"))
            return "void"
    if ref.remote_customer_id is None:
        # Not a store failure (the pass must not go "offline" for it): wait for customer.created.
        outbox_store.mark_retry(ledger, event.event_id, reason(
            "customer_not_online", "the customer has no online account yet (waiting for customer.created)"),
            _later(300))
        return "waiting"
    marker = f"[pos:{ref.uuid[:13]}]"
    if event.attempts > 0 and utcnow() - event.created_at > KEY_MEMORY:
        # TeraWallet forgets idempotency keys after 24 h: past that, look for the first attempt's
        # transaction by the marker in its note before sending again.
        for tx in wallet.transactions(ref.remote_customer_id, 100):
            if marker in tx.note:
                loyalty_store.delivered(ledger, event.event_id, ref.uuid, tx.remote_id)
                return "delivered"
    if not loyalty_store.claim(ledger, event.event_id):
        return "void"
    try:
        tx = wallet.move(ref.remote_customer_id, ref.kind, ref.amount_minor, f"{ref.note} {marker}", ref.uuid)
    except AuthError as exc:
        # Wrong application password: the rest of sync carries on; the event waits with the reason shown.
        outbox_store.mark_retry(ledger, event.event_id, reason_of(exc), _later(600))
        log.warning("wallet credentials refused: %s", exc.message)
        return "waiting"
    except PermanentError as exc:
        return "conflict" if loyalty_store.refused(ledger, event.event_id, ref, reason_of(exc)) else "refused"
    loyalty_store.delivered(ledger, event.event_id, ref.uuid, tx.remote_id)
    return "delivered"

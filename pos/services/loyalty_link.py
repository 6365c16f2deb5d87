"""What the till's loyalty use cases need from the online store, as a port: the sync side
(``sync/loyalty.py``) implements it, the composition root wires it. Every method does network I/O:
call them from a worker thread, never the UI thread, and never inside a ledger transaction."""

from __future__ import annotations

from typing import Protocol


class StoreLink(Protocol):
    def read_balance(self, customer_id: int) -> int | None:
        """The customer's wallet balance read from the store now (and recorded as last known), or
        ``None`` when the store cannot be reached or the customer has no online account yet."""
        ...

    def push_now(self, movement_uuid: str) -> str:
        """Send one wallet movement now: ``delivered``, ``refused`` (the store would not take it),
        ``conflict``, ``void`` or ``waiting`` (not reachable: the outbox sends it later)."""
        ...

    def refresh_card(self, customer_id: int) -> bool:
        """Re-read the customer, their online orders, wallet transactions and balance into the
        ledger's cache. False when the store could not be reached."""
        ...

    def search_online(self, text: str) -> int:
        """Look customers up in the store (e-mail exact, or its search on login/e-mail) and add them
        here; how many were found. 0 when offline."""
        ...

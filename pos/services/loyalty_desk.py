"""The loyalty use cases the counter calls, in one place: find/create a customer, the customer
card, and holding wallet money for a checkout. Methods that may touch the online store (through
the ``StoreLink`` port) say so: the UI calls them on a worker thread."""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.loyalty import WalletError
from pos.domain.money import Money
from pos.services.customers import CustomerService
from pos.services.dto import UserView
from pos.services.loyalty_dto import BalanceView, CustomerView, HistoryEntry, HoldView
from pos.services.loyalty_link import StoreLink
from pos.services.wallet import WalletService


@dataclass(frozen=True, slots=True)
class CustomerCard:
    customer: CustomerView
    balance: BalanceView
    history: tuple[HistoryEntry, ...]
    online: bool  # the store answered just now; False: everything shown is the last known


class LoyaltyDesk:
    def __init__(self, customers: CustomerService, wallet: WalletService, link: StoreLink | None = None) -> None:
        self.customers = customers
        self.wallet = wallet
        self._link = link

    @property
    def connected(self) -> bool:
        return self._link is not None

    def find(self, text: str) -> list[CustomerView]:
        """Local first; when nothing matches, ask the store (network: worker thread)."""
        found = self.customers.find(text)
        if not found and self._link is not None and self._link.search_online(text):
            found = self.customers.find(text)
        return found

    def card(self, customer_id: int) -> CustomerCard:
        """Refresh from the store when it answers (network: worker thread), then read the ledger."""
        online = self._link.refresh_card(customer_id) if self._link is not None else False
        return CustomerCard(self.customers.get(customer_id), self.wallet.balance(customer_id, live=online),
                            tuple(self.customers.history(customer_id)), online)

    def local_card(self, customer_id: int) -> CustomerCard:
        """What the ledger knows, instantly (shown while the refresh runs)."""
        return CustomerCard(self.customers.get(customer_id), self.wallet.balance(customer_id, live=False),
                            tuple(self.customers.history(customer_id)), False)

    def balance(self, customer_id: int) -> BalanceView:
        """Live when the store answers (network: worker thread), else the last known, marked stale."""
        live = self._link is not None and self._link.read_balance(customer_id) is not None
        return self.wallet.balance(customer_id, live=live)

    def hold_for_checkout(self, customer_id: int, amount: Money, user: UserView, confirmation: str) -> HoldView:
        """Hold wallet money for the open checkout (network: worker thread).

        Online: the balance is read live, the hold is written, and its debit is pushed at once — the
        store's answer is the final word (spent elsewhere meanwhile → ``WalletError("insufficient")``
        and the hold is gone). Offline: the offline rules decide and the debit goes out later.
        """
        live = self._link is not None and self._link.read_balance(customer_id) is not None
        hold = self.wallet.hold(customer_id, amount, user, live=live, confirmation=confirmation)
        if live and self._link is not None:
            outcome = self._link.push_now(hold.hold_uuid)
            if outcome in ("refused", "conflict"):
                self.wallet.release(hold.hold_uuid, user, "refused_online")
                fresh = self.balance(customer_id)
                raise WalletError("insufficient", available=fresh.spendable.to_api())
            if outcome == "waiting":
                return HoldView(hold.hold_uuid, hold.amount, hold.expires_at, True)
        return hold

    def release(self, hold_uuid: str, user: UserView | None, why: str = "checkout_cancelled") -> bool:
        return self.wallet.release(hold_uuid, user, why)

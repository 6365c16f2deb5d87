"""What the loyalty side of sync exchanges with an online store: customers, their orders and their
wallet transactions, as plain values (WooCommerce + TeraWallet map onto these in ``sync/woocommerce``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RemoteCustomer:
    remote_id: int
    email: str
    first_name: str
    last_name: str
    phone: str  # billing phone
    loyalty_code: str  # the ``pos_customer_id`` meta ("" when the store has none)
    modified_gmt: datetime | None


@dataclass(frozen=True)
class RemoteCustomerOrder:
    """An online order of a customer, for the customer card."""

    remote_id: int
    number: str
    status: str
    total_minor: int
    created_gmt: datetime
    items: str  # "Leche ×2, Taza ×1"
    pos_sale_uuid: str  # set when the order is a till sale pushed by a till


@dataclass(frozen=True)
class RemoteWalletTx:
    remote_id: int
    kind: str  # credit | debit
    amount_minor: int  # > 0
    note: str
    created: datetime

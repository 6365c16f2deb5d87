"""Today at a glance for a manager: takings, tenders, sales by hour, best sellers, what sync could
not deliver, where the till and the online store disagree, the stock count in progress.

"Today" is the till's local calendar day. Returns (``sales.kind == 'return'``) are subtracted
whatever the sign they are stored with; cash is counted net of the change given. Supervisors and
managers may look; anyone else needs a manager's PIN (checked here, not by hiding a button).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select

from pos.domain.cart import from_milli
from pos.domain.money import Money
from pos.ledger.db import Ledger
from pos.ledger.models import OutboxEvent, Sale, SaleLine, TenderRow
from pos.services.auth import SUPERVISOR_ROLES, AuthService
from pos.services.count_dto import CountSuggestion, CountView
from pos.services.count_suggestions import suggest_counts
from pos.services.dto import OutboxItem, UserView
from pos.services.errors import ApprovalRequired
from pos.services.stock_counts import StockCountService
from pos.services.stock_drift import DriftLine, stock_drift
from pos.services.sync_admin import SyncAdminService


@dataclass(frozen=True, slots=True)
class TopProduct:
    sku: str
    name: str
    quantity: object  # Decimal
    revenue: Money


@dataclass(frozen=True, slots=True)
class DashboardView:
    day: date
    currency: str
    tickets: int
    sales: Money
    returns: Money  # positive: what went back to customers
    net: Money
    average_ticket: Money
    tenders: tuple[tuple[str, Money], ...]  # kind → net amount, biggest first
    by_hour: tuple[tuple[int, Money], ...]  # local hour → net sales, opening hours only
    top_products: tuple[TopProduct, ...]
    pending: int
    parked: int
    parked_items: tuple[OutboxItem, ...]
    drift: tuple[DriftLine, ...]
    count: CountView | None
    suggestions: tuple[CountSuggestion, ...]


class DashboardService:
    def __init__(self, ledger: Ledger, auth: AuthService, sync_admin: SyncAdminService, counts: StockCountService,
                 *, currency: str) -> None:
        self._ledger = ledger
        self._auth = auth
        self._sync_admin = sync_admin
        self._counts = counts
        self._currency = currency

    def today(self, user: UserView, approver_pin: str | None = None, *, now: datetime | None = None) -> DashboardView:
        if user.role not in SUPERVISOR_ROLES:
            if not approver_pin:
                raise ApprovalRequired(action="dashboard")
            self._auth.approve(approver_pin, "dashboard", requested_by=user.user_id, roles=SUPERVISOR_ROLES)
        local_now = (now or datetime.now().astimezone()).astimezone()
        day = local_now.date()
        start = datetime.combine(day, time(0), tzinfo=local_now.tzinfo)
        return self._build(day, start, start + timedelta(days=1))

    def _build(self, day: date, start: datetime, end: datetime) -> DashboardView:
        cur = self._currency
        with self._ledger.read() as session:
            sales = session.execute(select(Sale.id, Sale.kind, Sale.total_minor, Sale.change_minor, Sale.created_at)
                                    .where(Sale.created_at >= start, Sale.created_at < end)).all()
            sign = {sid: (-1 if kind == "return" else 1) for sid, kind, *_ in sales}
            tenders: dict[str, int] = defaultdict(int)
            for sid, kind, amount in session.execute(
                    select(TenderRow.sale_id, TenderRow.kind, TenderRow.amount_minor)
                    .where(TenderRow.sale_id.in_(list(sign)))):
                tenders[kind] += sign[sid] * abs(amount)
            queued = dict(session.execute(select(OutboxEvent.status, func.count()).where(
                OutboxEvent.status.in_(("pending", "parked"))).group_by(OutboxEvent.status)).all())
            lines = session.execute(
                select(SaleLine.sale_id, SaleLine.sku, SaleLine.name, SaleLine.qty_milli, SaleLine.total_minor)
                .where(SaleLine.sale_id.in_(list(sign)))).all()
        takings = sum(abs(total) for _, kind, total, _, _ in sales if kind != "return")
        returns = sum(abs(total) for _, kind, total, _, _ in sales if kind == "return")
        tickets = sum(1 for _, kind, *_ in sales if kind != "return")
        tenders["cash"] -= sum(change for sid, _, _, change, _ in sales if sign[sid] > 0)
        hours: dict[int, int] = defaultdict(int)
        for sid, _, total, _, at in sales:
            hours[at.astimezone(start.tzinfo).hour] += sign[sid] * abs(total)
        top: dict[str, list[object]] = {}
        for sid, sku, name, qty, total in lines:
            row = top.setdefault(sku, [name, 0, 0])
            row[1] = int(row[1]) + sign[sid] * abs(qty)  # type: ignore[call-overload]
            row[2] = int(row[2]) + sign[sid] * abs(total)  # type: ignore[call-overload]
        best = sorted(top.items(), key=lambda kv: (-int(kv[1][2]), kv[0]))[:10]  # type: ignore[call-overload]
        parked_items = tuple(self._sync_admin.events(("parked",), limit=10))
        pending, parked = int(queued.get("pending", 0)), int(queued.get("parked", 0))
        return DashboardView(
            day=day, currency=cur, tickets=tickets, sales=Money(takings, cur), returns=Money(returns, cur),
            net=Money(takings - returns, cur),
            average_ticket=Money(takings // tickets if tickets else 0, cur),
            tenders=tuple((k, Money(v, cur)) for k, v in sorted(tenders.items(), key=lambda kv: -kv[1]) if v),
            by_hour=_opening_hours(hours, cur),
            top_products=tuple(TopProduct(sku, str(r[0]), from_milli(int(r[1])), Money(int(r[2]), cur))  # type: ignore[call-overload]
                               for sku, r in best),
            pending=pending, parked=parked, parked_items=parked_items,
            drift=tuple(stock_drift(self._ledger, limit=10)), count=self._counts.current(),
            suggestions=tuple(suggest_counts(self._ledger, cur, limit=5)))


def _opening_hours(hours: dict[int, int], currency: str) -> tuple[tuple[int, Money], ...]:
    """Every hour from the first to the last with a sale (empty hours in between show as gaps)."""
    if not hours:
        return ()
    first, last = min(hours), max(hours)
    return tuple((h, Money(hours.get(h, 0), currency)) for h in range(first, last + 1))


"""Stock counts: start (snapshot), blind counting by scan, finish (review), reasons, approval.

One count is open per till at a time; the shop keeps selling meanwhile (see ``count_math`` for
how sales during the count are handled). Several people count at once — on this till, or on
another till whose entries are merged (``count_exchange``). Starting, cancelling and approving
need a supervisor/manager: a cashier gets ``ApprovalRequired`` from here, not just a hidden
button. Approval writes, in one transaction, a ``count`` stock movement and a
``stock.count_adjusted`` outbox event per variance (its own adjustment UUID), the count's new
state and the audit entry. The sync engine then sets the online stock (``sync/count_push.py``).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import datetime
from decimal import Decimal

from sqlalchemy import bindparam, delete, func, insert, literal, select
from sqlalchemy.orm import Session

from pos.domain.cart import from_milli, parse_quantity, to_milli
from pos.domain.money import Money
from pos.ledger.audit import append_audit
from pos.ledger.count_models import StockCount, StockCountEntry, StockCountLine, StockCountSnapshot
from pos.ledger.db import Ledger
from pos.ledger.models import Category, OutboxEvent, Product, StockLevel, User, utcnow
from pos.ledger.stock import move_stock_each
from pos.services import count_exchange
from pos.services.auth import SUPERVISOR_ROLES, AuthService
from pos.services.catalog import CatalogService
from pos.services.count_dto import (
    REASONS,
    SCOPES,
    CountedItem,
    CountError,
    CountReview,
    CountSuggestion,
    CountView,
    ReviewLine,
)
from pos.services.count_entries import add_entry, category_tree, get_count, in_scope
from pos.services.count_math import current_mark, moved_until, moves_between
from pos.services.count_suggestions import suggest_counts
from pos.services.dto import UserView
from pos.services.errors import ApprovalRequired, NotFound
from pos.services.stock_adjustment_events import STOCK_ADJUSTED_EVENT, stock_adjustment_event

EVENT_TYPE = STOCK_ADJUSTED_EVENT
OPEN_STATES = ("open", "review")
_LINES = StockCountLine.__table__
_SET_ADJUSTMENT = _LINES.update().where(_LINES.c.id == bindparam("line_id")).values(adjustment_uuid=bindparam("adj"))
_INSERT_OUTBOX = OutboxEvent.__table__.insert()


class StockCountService:
    def __init__(self, ledger: Ledger, auth: AuthService, catalog: CatalogService, *, till_id: str,
                 currency: str) -> None:
        self._ledger = ledger
        self._auth = auth
        self._catalog = catalog
        self._till_id = till_id
        self._currency = currency

    # --- reading ----------------------------------------------------------------------
    def current(self) -> CountView | None:
        """The count open (or in review) on this till, if any."""
        with self._ledger.read() as session:
            row = session.scalar(select(StockCount).where(StockCount.state.in_(OPEN_STATES))
                                 .order_by(StockCount.id.desc()).limit(1))
            return _view(session, row) if row else None

    def get(self, count_id: int) -> CountView:
        with self._ledger.read() as session:
            return _view(session, get_count(session, count_id))

    def suggestions(self, limit: int = 20) -> list[CountSuggestion]:
        """What to count in the next cycle count (``count_suggestions``)."""
        return suggest_counts(self._ledger, self._currency, limit=limit)

    def export_entries(self, count_id: int) -> str:
        """This till's entries as JSON text, for another till to merge (``count_exchange``)."""
        return count_exchange.export_entries(self._ledger, count_id)

    def import_entries(self, count_id: int, text: str) -> count_exchange.ImportResult:
        """Merge another till's export into this open count; importing twice adds nothing."""
        return count_exchange.import_entries(self._ledger, count_id, text)

    def categories(self) -> list[tuple[int, str]]:
        with self._ledger.read() as session:
            return [(cid, name) for cid, name in session.execute(select(Category.id, Category.name)
                                                                 .order_by(Category.name))]

    def history(self, limit: int = 50) -> list[CountView]:
        with self._ledger.read() as session:
            rows = session.scalars(select(StockCount).order_by(StockCount.id.desc()).limit(limit)).all()
            return [_view(session, r) for r in rows]

    def counted(self, count_id: int) -> list[CountedItem]:
        """The running list, most recently counted first."""
        with self._ledger.read() as session:
            rows = session.execute(
                select(StockCountEntry.product_id, Product.sku, Product.name, StockCountEntry.qty_milli,
                       StockCountEntry.counted_at, StockCountEntry.user_name, StockCountEntry.device)
                .join(Product, Product.id == StockCountEntry.product_id)
                .where(StockCountEntry.count_id == count_id).order_by(StockCountEntry.id)).all()
        items: dict[int, dict[str, object]] = {}
        for pid, sku, name, qty, at, who, device in rows:
            item = items.setdefault(pid, {"sku": sku, "name": name, "total": 0, "by": {}})
            item["total"] = int(item["total"]) + qty  # type: ignore[call-overload]
            item["last_qty"], item["last_at"] = qty, at
            item["by"][f"{who}@{device}"] = None  # type: ignore[index]
        out = [CountedItem(pid, str(i["sku"]), str(i["name"]), from_milli(int(i["total"])),  # type: ignore[call-overload]
                           from_milli(int(i["last_qty"])), i["last_at"], tuple(i["by"]))  # type: ignore[arg-type,call-overload]
               for pid, i in items.items()]
        out.sort(key=lambda c: c.last_at, reverse=True)
        return out

    # --- starting and counting -------------------------------------------------------
    def start(self, user: UserView, *, scope: str = "store", label: str = "", category_id: int | None = None,
              approver_pin: str | None = None) -> CountView:
        """Open a count and take the snapshot of on-hand for the products in scope."""
        if scope not in SCOPES or (scope == "category") != (category_id is not None):
            raise CountError(reason="bad_scope")
        label = label.strip()[:64]
        if scope == "zone" and not label:
            raise CountError(reason="bad_scope")
        approver = self._approve(user, approver_pin, "stock_count.start", {"scope": scope, "label": label})
        with self._ledger.write() as session:
            if session.scalar(select(StockCount.id).where(StockCount.state.in_(OPEN_STATES)).limit(1)):
                raise CountError(reason="already_open")
            category_ids = category_tree(session, category_id) if category_id is not None else None
            if category_ids == []:
                raise NotFound(what="category", id=category_id)
            count = StockCount(uuid=str(uuid.uuid4()), label=label, scope=scope, category_id=category_id,
                               state="open", till_id=self._till_id, started_by=user.user_id, started_at=utcnow(),
                               start_mark=current_mark(session))
            session.add(count)
            session.flush()
            if scope != "zone":
                # One INSERT … SELECT inside the transaction: the snapshot and the mark are the same instant.
                products = select(Product.id).where(Product.active.is_(True))
                if category_ids is not None:
                    products = products.where(Product.category_id.in_(category_ids))
                session.execute(insert(StockCountSnapshot).from_select(
                    ["count_id", "product_id", "on_hand_milli"],
                    select(literal(count.id), Product.id, func.coalesce(StockLevel.on_hand_milli, 0))
                    .select_from(Product).outerjoin(StockLevel, StockLevel.product_id == Product.id)
                    .where(Product.id.in_(products))))
            append_audit(session, "stock_count.started", user_id=user.user_id, approved_by=approver.user_id,
                         details={"count": count.uuid, "scope": scope, "label": label, "category": category_id})
            return _view(session, count)

    def scan(self, count_id: int, user: UserView, code: str, quantity: Decimal | int | str = 1) -> CountedItem:
        """Count what a scan names: one unit, or the typed ``quantity`` (a box of 12)."""
        product = self._catalog.by_barcode(code)
        return self.record(count_id, user, product.product_id, quantity)

    def record(self, count_id: int, user: UserView, product_id: int, quantity: Decimal | int | str = 1,
               *, correction: bool = False) -> CountedItem:
        qty = to_milli(parse_quantity(quantity))
        return self._add_entry(count_id, user.name, self._till_id, product_id, -qty if correction else qty)

    def undo_last(self, count_id: int, user: UserView) -> CountedItem:
        """Take back this person's last entry on this till (a double scan) with a negative entry."""
        with self._ledger.read() as session:
            last = session.execute(
                select(StockCountEntry.product_id, StockCountEntry.qty_milli)
                .where(StockCountEntry.count_id == count_id, StockCountEntry.user_name == user.name,
                       StockCountEntry.device == self._till_id, StockCountEntry.qty_milli > 0)
                .order_by(StockCountEntry.id.desc()).limit(1)).first()
        if last is None:
            raise CountError(reason="nothing_to_undo")
        return self._add_entry(count_id, user.name, self._till_id, int(last[0]), -int(last[1]))

    def _add_entry(self, count_id: int, who: str, device: str, product_id: int, qty_milli: int) -> CountedItem:
        with self._ledger.write() as session:
            count = get_count(session, count_id)
            if count.state != "open":
                raise CountError(reason="wrong_state", state=count.state)
            product = session.get(Product, product_id)
            if product is None:
                raise NotFound(what="product", id=product_id)
            if not in_scope(session, count, product_id, product.category_id):
                raise CountError(reason="out_of_scope", sku=product.sku)
            add_entry(session, count, product_id=product_id, qty_milli=qty_milli, who=who, device=device,
                      entry_uuid=str(uuid.uuid4()), mark=current_mark(session), at=utcnow())
        return next(c for c in self.counted(count_id) if c.product_id == product_id)

    # --- finishing and reviewing -----------------------------------------------------
    def finish(self, count_id: int, user: UserView) -> CountReview:
        """Stop counting and freeze the review: expected, counted and variance per product."""
        with self._ledger.write() as session:
            count = get_count(session, count_id)
            if count.state != "open":
                raise CountError(reason="wrong_state", state=count.state)
            count.finish_mark = current_mark(session)
            count.finished_at = utcnow()
            count.state = "review"
            _freeze_lines(session, count)
            append_audit(session, "stock_count.finished", user_id=user.user_id, details={"count": count.uuid})
        return self.review(count_id)

    def reopen(self, count_id: int, user: UserView) -> CountView:
        """Back from the review to counting (someone found another shelf)."""
        with self._ledger.write() as session:
            count = get_count(session, count_id)
            if count.state != "review":
                raise CountError(reason="wrong_state", state=count.state)
            session.execute(delete(StockCountLine).where(StockCountLine.count_id == count_id))
            count.state, count.finish_mark, count.finished_at = "open", None, None
            append_audit(session, "stock_count.reopened", user_id=user.user_id, details={"count": count.uuid})
            return _view(session, count)

    def review(self, count_id: int) -> CountReview:
        with self._ledger.read() as session:
            count = get_count(session, count_id)
            rows = session.execute(
                select(StockCountLine, Product.sku, Product.name).join(Product, Product.id == StockCountLine.product_id)
                .where(StockCountLine.count_id == count_id)).all()
            lines = [self._line(r, sku, name) for r, sku, name in rows]
            view = _view(session, count)
        lines.sort(key=lambda ln: (ln.variance == 0, -abs(ln.variance_value.minor), -abs(ln.variance), ln.sku))
        return CountReview(view, tuple(lines))

    def _line(self, r: StockCountLine, sku: str, name: str) -> ReviewLine:
        price = Money(r.unit_price_minor, self._currency)
        value = (Decimal(r.unit_price_minor) * from_milli(r.variance_milli)).to_integral_value()
        return ReviewLine(r.product_id, sku, name, from_milli(r.snapshot_milli), from_milli(r.moved_milli),
                          from_milli(r.expected_milli), from_milli(r.counted_milli), from_milli(r.variance_milli),
                          price, Money(int(value), self._currency), r.reason, r.note, r.adjustment_uuid)

    def set_reason(self, count_id: int, product_ids: list[int], reason: str, user: UserView,
                   note: str = "") -> CountReview:
        """Say why these products differ (one reason for many lines at once is allowed)."""
        if reason not in REASONS:
            raise CountError(reason="unknown_reason")
        with self._ledger.write() as session:
            count = get_count(session, count_id)
            if count.state != "review":
                raise CountError(reason="wrong_state", state=count.state)
            for line in session.scalars(select(StockCountLine).where(
                    StockCountLine.count_id == count_id, StockCountLine.product_id.in_(product_ids))):
                line.reason, line.note = reason, (note.strip()[:500] or None)
        return self.review(count_id)

    # --- approving and cancelling ----------------------------------------------------
    def approve(self, count_id: int, user: UserView, approver_pin: str | None = None) -> CountReview:
        """Book the variances: stock movements, outbox events (absolute set online after a re-read),
        audit. Needs a manager; every variance needs a reason."""
        review = self.review(count_id)
        if review.count.state != "review":
            raise CountError(reason="wrong_state", state=review.count.state)
        if review.missing_reasons:
            raise CountError(reason="reason_missing", count=review.missing_reasons)
        approver = self._approve(user, approver_pin, "stock_count.approve",
                                 {"count": review.count.uuid, "lines": len(review.variances)},
                                 roles=("manager", "admin"))
        with self._ledger.write() as session:
            count = get_count(session, count_id)
            if count.state != "review":  # a second till approved it meanwhile
                raise CountError(reason="wrong_state", state=count.state)
            lines = session.scalars(select(StockCountLine).where(StockCountLine.count_id == count_id,
                                                                 StockCountLine.variance_milli != 0)).all()
            remote = dict(((pid, (rid, parent)) for pid, rid, parent in session.execute(
                select(Product.id, Product.remote_id, Product.remote_parent_id)
                .where(Product.id.in_([ln.product_id for ln in lines])))))
            skus = dict(session.execute(select(Product.id, Product.sku).where(
                Product.id.in_([ln.product_id for ln in lines]))).all())
            now = utcnow()
            adjustments = [(line, str(uuid.uuid4())) for line in lines]
            # Bulk statements: a whole-store count must not hold the writer lock while a sale waits.
            conn = session.connection()
            if adjustments:
                conn.execute(_SET_ADJUSTMENT, [{"line_id": line.id, "adj": adj} for line, adj in adjustments])
            move_stock_each(session, [(line.product_id, line.variance_milli, adj) for line, adj in adjustments],
                            "count", user.user_id)
            if adjustments:
                conn.execute(_INSERT_OUTBOX, [_event(count, line, adj, remote, skus, now) for line, adj in adjustments])
            count.state, count.approved_by, count.approved_at = "approved", approver.user_id, now
            append_audit(session, "stock_count.approved", user_id=user.user_id, approved_by=approver.user_id,
                         details={"count": count.uuid, "lines": len(lines),
                                  "net_minor": review.net_value(self._currency).minor,
                                  "gross_minor": review.gross_value(self._currency).minor})
        return self.review(count_id)

    def cancel(self, count_id: int, user: UserView, approver_pin: str | None = None) -> CountView:
        """Throw the count away (nothing is booked). Supervisor or manager."""
        approver = self._approve(user, approver_pin, "stock_count.cancel", {"count": count_id})
        with self._ledger.write() as session:
            count = get_count(session, count_id)
            if count.state not in OPEN_STATES:
                raise CountError(reason="wrong_state", state=count.state)
            count.state = "cancelled"
            append_audit(session, "stock_count.cancelled", user_id=user.user_id, approved_by=approver.user_id,
                         details={"count": count.uuid})
            return _view(session, count)

    def _approve(self, user: UserView, pin: str | None, action: str, details: dict[str, object],
                 roles: tuple[str, ...] = SUPERVISOR_ROLES) -> UserView:
        if user.role in roles and not pin:
            return user
        if not pin:
            raise ApprovalRequired(action=action)
        return self._auth.approve(pin, action, requested_by=user.user_id, details=details, roles=roles)


def _event(count: StockCount, line: StockCountLine, adjustment: str, remote: dict[int, tuple[int | None, int | None]],
           skus: dict[int, str], now: datetime) -> dict[str, object]:
    rid, parent = remote.get(line.product_id, (None, None))
    return stock_adjustment_event(adjustment_uuid=adjustment, product_id=line.product_id,
                                  sku=skus.get(line.product_id, ""), delta_milli=line.variance_milli,
                                  reason=line.reason, now=now, remote_id=rid, remote_parent_id=parent,
                                  count_uuid=count.uuid)


def _freeze_lines(session: Session, count: StockCount) -> None:
    assert count.finish_mark is not None
    snapshots = dict(session.execute(select(StockCountSnapshot.product_id, StockCountSnapshot.on_hand_milli)
                                     .where(StockCountSnapshot.count_id == count.id)).all())
    counted: dict[int, int] = defaultdict(int)
    marks: dict[int, int] = {}
    for pid, qty, mark in session.execute(select(StockCountEntry.product_id, StockCountEntry.qty_milli,
                                                 StockCountEntry.movement_mark)
                                          .where(StockCountEntry.count_id == count.id)):
        counted[pid] += qty
        marks[pid] = max(marks.get(pid, 0), mark)
    moves = moves_between(session, count.start_mark, count.finish_mark)
    prices = dict(session.execute(select(Product.id, Product.price_minor)).all()) if snapshots else {}
    rows = []
    for pid, snapshot in snapshots.items():
        mark = min(marks.get(pid, count.finish_mark), count.finish_mark)
        moved = moved_until(moves.get(pid, []), mark)
        expected = snapshot + moved
        if expected == 0 and counted.get(pid, 0) == 0 and pid not in marks:
            continue  # nothing expected, nothing found, nobody looked: not worth a review line
        rows.append({"count_id": count.id, "product_id": pid, "snapshot_milli": snapshot, "moved_milli": moved,
                     "expected_milli": expected, "counted_milli": counted.get(pid, 0),
                     "variance_milli": counted.get(pid, 0) - expected, "unit_price_minor": prices.get(pid, 0),
                     "mark": mark, "reason": None, "note": None, "adjustment_uuid": None})
    if rows:
        session.execute(insert(StockCountLine), rows)


def _view(session: Session, count: StockCount) -> CountView:
    names = dict(session.execute(select(User.id, User.name).where(
        User.id.in_([i for i in (count.started_by, count.approved_by) if i]))).all())
    category = session.get(Category, count.category_id) if count.category_id else None
    products = session.scalar(select(func.count()).select_from(StockCountSnapshot)
                              .where(StockCountSnapshot.count_id == count.id)) or 0
    entries = session.scalar(select(func.count()).select_from(StockCountEntry)
                             .where(StockCountEntry.count_id == count.id)) or 0
    return CountView(count.id, count.uuid, count.label, count.scope, category.name if category else None,
                     count.state, count.till_id, names.get(count.started_by, "?"), count.started_at,
                     count.finished_at, names.get(count.approved_by) if count.approved_by else None,
                     count.approved_at, int(products), int(entries))

"""Cash shifts at one till: open with a counted float, cash in/out, X report, blind close with a Z report.

A shift owns, by time window, every ``sales`` row of its till with ``opened_at <= created_at < closed_at``
(sales, returns, pickup payments and any newer kind); the arithmetic is in ``pos/domain/shift_totals.py``.
Each use case is one transaction with its audit entry. The close is blind: the person counting never sees
the expected figure before the count is committed. See ``docs/SHIFTS.md``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session, aliased

from pos.config import TillSettings
from pos.domain.cash_count import CashCount
from pos.domain.money import Money
from pos.domain.shift_totals import CashMove, DocLine, DocTax, ShiftDocument, ShiftTotals, summarize, variance
from pos.ledger.audit import append_audit
from pos.ledger.db import Ledger
from pos.ledger.models import (
    AuditEntry,
    Category,
    PickupHandover,
    Product,
    Sale,
    SaleLine,
    SaleTax,
    TenderRow,
    User,
    utcnow,
)
from pos.ledger.shift_models import CashMovement, Shift
from pos.services.dto import UserView
from pos.services.permissions import Permissions
from pos.services.sales import next_number
from pos.services.shift_dto import CashMoveRow, Line, ShiftReport, ShiftView, TaxRow
from pos.services.shift_guard import ShiftError, open_shift_id

MAX_REASON = 200


class ShiftService:
    def __init__(self, ledger: Ledger, settings: TillSettings, permissions: Permissions) -> None:
        self._ledger = ledger
        self._settings = settings
        self._permissions = permissions

    @property
    def till_id(self) -> str:
        return self._settings.till_id

    # --- reading ---------------------------------------------------------------------------------------
    def current(self) -> ShiftView | None:
        """The till's open shift, or None."""
        with self._ledger.read() as session:
            shift_id = open_shift_id(session, self.till_id)
            return self._view(session, session.get(Shift, shift_id)) if shift_id else None

    def history(self, limit: int = 50) -> list[ShiftView]:
        with self._ledger.read() as session:
            rows = session.scalars(select(Shift).where(Shift.till_id == self.till_id)
                                   .order_by(Shift.id.desc()).limit(limit)).all()
            return [self._view(session, row) for row in rows]

    def z_report(self, shift_id: int) -> ShiftReport:
        """The Z report of a closed shift, exactly as it was taken (for a reprint or the PDF)."""
        with self._ledger.read() as session:
            shift = session.get(Shift, shift_id)
            if shift is None or shift.z_report is None:
                raise ShiftError("not_found", shift=shift_id)
            return ShiftReport.from_json(shift.z_report)

    def x_report(self, user: UserView, approver_pin: str | None = None) -> ShiftReport:
        """Figures of the open shift so far (nothing closes; audited as ``shift.x_report``). The ``x_report`` rule
        (a supervisor by default): it shows the expected cash, which the person closing must not know."""
        approver = self._permissions.authorize(user, "shift.x_report", approver_pin)
        approved_by = None if approver.user_id == user.user_id else approver.user_id
        with self._ledger.write() as session:
            shift = self._open(session)
            now = utcnow()
            report = self._report(session, shift, "X", now, user.name)
            append_audit(session, "shift.x_report", user_id=user.user_id, approved_by=approved_by,
                         details={"shift": shift.number, "expected": report.expected_cash})
            return report

    # --- changing ----------------------------------------------------------------------------------------
    def open(self, user: UserView, counted: Mapping[int, int] | Mapping[str, int]) -> ShiftView:
        """Open the till's shift with the float counted by denomination. Raises ShiftError(already_open),
        CashCountError for a bad count."""
        count = CashCount.of(self._settings.currency, counted)
        with self._ledger.write() as session:
            if open_shift_id(session, self.till_id) is not None:
                raise ShiftError("already_open", till=self.till_id)
            number = (session.scalar(select(func.max(Shift.number)).where(Shift.till_id == self.till_id)) or 0) + 1
            shift = Shift(uuid=str(uuid.uuid4()), till_id=self.till_id, number=number,
                          currency=self._settings.currency, opened_at=utcnow(), opened_by=user.user_id,
                          float_minor=count.total_minor, float_counted=count.as_json())
            session.add(shift)
            session.flush()
            append_audit(session, "shift.opened", user_id=user.user_id,
                         details={"shift": number, "till": self.till_id, "float": count.total_minor})
            return self._view(session, shift)

    def cash_move(self, user: UserView, kind: str, amount: Money, reason: str,
                  approver_pin: str | None = None) -> CashMoveRow:
        """Put cash in (``in``) or take it out (``out``: the ``cash_out`` rule) with a reason. Taking out more
        than the drawer should hold is refused (``not_enough_cash``)."""
        reason = " ".join(reason.split())[:MAX_REASON]
        if kind not in ("in", "out"):
            raise ValueError(f"cash movement kind {kind!r}")
        if amount.currency != self._settings.currency or amount.minor <= 0:
            raise ShiftError("not_positive", amount=amount.minor)
        if not reason:
            raise ShiftError("reason_required")
        approved_by = None
        if kind == "out":
            approver = self._permissions.authorize(user, "cash.out", approver_pin,
                                                   {"amount": amount.minor, "reason": reason})
            approved_by = None if approver.user_id == user.user_id else approver.user_id
        with self._ledger.write() as session:
            shift = self._open(session)
            if kind == "out":
                expected = self._totals(session, shift, None).expected_cash
                if amount.minor > expected:
                    raise ShiftError("not_enough_cash", expected=expected)
            now = utcnow()
            session.add(CashMovement(uuid=str(uuid.uuid4()), shift_id=shift.id, kind=kind, amount_minor=amount.minor,
                                     reason=reason, user_id=user.user_id, approved_by=approved_by, created_at=now))
            append_audit(session, f"cash.{kind}", user_id=user.user_id, approved_by=approved_by,
                         details={"shift": shift.number, "amount": amount.minor, "reason": reason})
            return CashMoveRow(kind, amount.minor, reason, user.name, now)

    def close(self, user: UserView, counted: Mapping[int, int] | Mapping[str, int]) -> ShiftReport:
        """Close the open shift with a blind count by denomination; returns the Z report with expected,
        counted and variance, numbered by the till's gapless Z counter. One transaction: after it, the till
        takes no sale until a new shift opens."""
        count = CashCount.of(self._settings.currency, counted)
        with self._ledger.write() as session:
            shift = self._open(session)
            now = utcnow()
            z_number = next_number(session, f"{self.till_id}-Z")
            shift.closed_at = now
            shift.closed_by = user.user_id
            shift.z_number = z_number
            shift.counted = count.as_json()
            shift.counted_minor = count.total_minor
            report = self._report(session, shift, "Z", now, user.name, count=count, z_number=z_number)
            shift.expected_minor = report.expected_cash
            shift.z_report = report.to_json()
            append_audit(session, "shift.closed", user_id=user.user_id, details={
                "shift": shift.number, "z": z_number, "expected": report.expected_cash,
                "counted": count.total_minor, "variance": report.variance})
            return report

    # --- internals ----------------------------------------------------------------------------------------
    def _open(self, session: Session) -> Shift:
        shift_id = open_shift_id(session, self.till_id)
        if shift_id is None:
            raise ShiftError("no_open_shift", till=self.till_id)
        shift = session.get(Shift, shift_id)
        assert shift is not None
        return shift

    @staticmethod
    def _name(session: Session, user_id: int | None) -> str:
        if user_id is None:
            return ""
        return session.scalar(select(User.name).where(User.id == user_id)) or "?"

    def _view(self, session: Session, shift: Shift | None) -> ShiftView:
        assert shift is not None
        return ShiftView(shift.id, shift.till_id, shift.number, shift.currency, shift.opened_at,
                         self._name(session, shift.opened_by), shift.float_minor, shift.closed_at,
                         self._name(session, shift.closed_by) if shift.closed_by else None, shift.z_number)

    def _window(self, shift: Shift, until: datetime | None) -> list[ColumnElement[bool]]:
        end = shift.closed_at or until
        conditions: list[ColumnElement[bool]] = [Sale.till_id == shift.till_id, Sale.created_at >= shift.opened_at]
        if end is not None:
            conditions.append(Sale.created_at < end)
        return conditions

    def _documents(self, session: Session, shift: Shift, until: datetime | None) -> list[tuple[str, ShiftDocument]]:
        """(receipt number, document) of every sales row in the shift's window, in order."""
        window = self._window(shift, until)
        ids = select(Sale.id).where(*window).scalar_subquery()
        tenders: dict[int, list[tuple[str, int]]] = {}
        for sale_id, kind, amount in session.execute(select(TenderRow.sale_id, TenderRow.kind, TenderRow.amount_minor)
                                                     .where(TenderRow.sale_id.in_(ids)).order_by(TenderRow.id)):
            tenders.setdefault(sale_id, []).append((kind, amount))
        taxes: dict[int, list[DocTax]] = {}
        for sale_id, code, percent, base, tax in session.execute(
                select(SaleTax.sale_id, SaleTax.tax_code, SaleTax.tax_percent, SaleTax.base_minor, SaleTax.tax_minor)
                .where(SaleTax.sale_id.in_(ids))):
            taxes.setdefault(sale_id, []).append(DocTax(code, percent, base, tax))
        lines: dict[int, list[DocLine]] = {}
        category = aliased(Category)
        for sale_id, cat, total, qty in session.execute(
                select(SaleLine.sale_id, category.name, SaleLine.total_minor, SaleLine.qty_milli)
                .join(Product, Product.id == SaleLine.product_id)
                .outerjoin(category, category.id == Product.category_id)
                .where(SaleLine.sale_id.in_(ids))):
            lines.setdefault(sale_id, []).append(DocLine(cat or "", total, qty))
        docs = []
        for row in session.execute(select(Sale.id, Sale.receipt_no, Sale.kind, User.name, Sale.total_minor,
                                          Sale.change_minor, Sale.discount_minor, Sale.rounding_minor)
                                   .join(User, User.id == Sale.cashier_id).where(*window).order_by(Sale.id)):
            sale_id, receipt_no, kind, cashier, total, change, discount, rounding = row
            docs.append((receipt_no, ShiftDocument(
                kind=kind, cashier=cashier, total_minor=total, tenders=tuple(tenders.get(sale_id, ())),
                change_minor=change or 0, discount_minor=discount or 0, rounding_minor=rounding or 0,
                taxes=tuple(taxes.get(sale_id, ())), lines=tuple(lines.get(sale_id, ())))))
        return docs

    def _moves(self, session: Session, shift: Shift) -> list[CashMovement]:
        return list(session.scalars(select(CashMovement).where(CashMovement.shift_id == shift.id)
                                    .order_by(CashMovement.id)))

    def _totals(self, session: Session, shift: Shift, until: datetime | None) -> ShiftTotals:
        docs = [d for _no, d in self._documents(session, shift, until)]
        return summarize(docs, [CashMove(m.kind, m.amount_minor) for m in self._moves(session, shift)],
                         shift.float_minor)

    def _audit_since(self, session: Session, shift: Shift, until: datetime, action: str) -> list[AuditEntry]:
        return list(session.scalars(select(AuditEntry).where(
            AuditEntry.action == action, AuditEntry.at >= shift.opened_at, AuditEntry.at < until)))

    def _report(self, session: Session, shift: Shift, kind: str, now: datetime, taken_by: str, *,
                count: CashCount | None = None, z_number: int | None = None) -> ShiftReport:
        numbered = self._documents(session, shift, now)
        moves = self._moves(session, shift)
        totals = summarize([d for _no, d in numbered], [CashMove(m.kind, m.amount_minor) for m in moves],
                           shift.float_minor)
        users = dict(session.execute(select(User.id, User.name)).all())

        def table(buckets: Mapping[str, object]) -> tuple[Line, ...]:
            return tuple(Line(k, b.count, b.amount) for k, b in sorted(buckets.items()))  # type: ignore[attr-defined]

        def audit_line(action: str, label: str, key: str) -> Line:
            entries = self._audit_since(session, shift, now, action)
            return Line(label, len(entries), sum(int(e.details.get(key, 0) or 0) for e in entries))

        no_bucket = Line("", 0, 0)
        by_kind = table(totals.by_kind)
        by_tender = table(totals.by_tender)
        returns = next((ln for ln in by_kind if ln.label == "return"), no_bucket)
        pickups = next((ln for ln in by_kind if ln.label == "pickup"), no_bucket)
        wallet = next((ln for ln in by_tender if ln.label == "wallet"), no_bucket)
        handovers = session.scalar(select(func.count(PickupHandover.id)).where(
            PickupHandover.created_at >= shift.opened_at, PickupHandover.created_at < now)) or 0
        counted_total = count.total_minor if count is not None else None
        return ShiftReport(
            kind=kind, till_id=shift.till_id, store_name=self._settings.store_name, currency=shift.currency,
            shift_number=shift.number, z_number=z_number, opened_at=shift.opened_at,
            opened_by=self._name(session, shift.opened_by), taken_at=now, taken_by=taken_by,
            float_minor=shift.float_minor, cash_in=totals.cash.cash_in, cash_out=totals.cash.cash_out,
            cash_tendered=totals.cash.cash_tendered, change_given=totals.cash.change_given,
            cash_refunded=totals.cash.cash_refunded, expected_cash=totals.expected_cash,
            counted_cash=counted_total,
            variance=variance(totals.expected_cash, counted_total) if counted_total is not None else None,
            counted=count.pieces if count is not None else (),
            documents=len(numbered), first_receipt=numbered[0][0] if numbered else "",
            last_receipt=numbered[-1][0] if numbered else "", net_total=totals.net_minor,
            rounding=totals.rounding_minor, by_kind=by_kind, by_tender=by_tender,
            by_tax=tuple(TaxRow(code, pct, base, tax) for code, (pct, base, tax) in sorted(totals.by_tax.items())),
            by_category=table(totals.by_category), by_cashier=table(totals.by_cashier),
            returns=Line("return", returns.count, returns.amount),
            discounts=Line("discount", totals.discounts.count, totals.discounts.amount),
            wallet=Line("wallet", wallet.count, wallet.amount),
            pickups=Line("pickup", pickups.count, pickups.amount), pickup_handovers=int(handovers),
            voided_lines=audit_line("line.voided", "void_line", "amount"),
            voided_sales=audit_line("sale.cancelled", "void_sale", "total"),
            price_changes=len(self._audit_since(session, shift, now, "line.price_changed")),
            no_sales=len(self._audit_since(session, shift, now, "drawer.no_sale")),
            cash_moves=tuple(CashMoveRow(m.kind, m.amount_minor, m.reason, users.get(m.user_id, "?"), m.created_at)
                             for m in moves),
        )

"""PreparedInsert stores exactly what SQLAlchemy's own INSERT stores, and fails the same way."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from pos.ledger.db import Ledger
from pos.ledger.fast_insert import PreparedInsert, PreparedQuery
from pos.ledger.models import OutboxEvent

_TABLE = OutboxEvent.__table__
_KEYS = [c.key for c in _TABLE.columns if c.key != "id"]


def _event(uuid: str) -> dict[str, Any]:
    return {"uuid": uuid, "event_type": "sale.completed", "aggregate_type": "sale", "aggregate_uuid": uuid,
            "payload": {"total_minor": 1234, "name": "Jamón ibérico", "lines": [1, 2]},
            "created_at": datetime(2026, 11, 23, 1, 2, 3, 456789, tzinfo=UTC), "status": "pending",
            "attempts": 0, "next_attempt_at": None, "last_error": None, "remote_ref": None, "sent_at": None}


def _stored(path: Path, uuid: str) -> dict[str, object]:
    """The row as SQLite holds it (text, not Python objects), without the two uuid columns."""
    with closing(sqlite3.connect(path)) as con:
        row = con.execute(f"SELECT {', '.join(_KEYS)} FROM outbox WHERE uuid = ?", (uuid,)).fetchone()
    assert row is not None
    stored = dict(zip(_KEYS, row, strict=True))
    del stored["uuid"], stored["aggregate_uuid"]
    return stored


def test_rows_are_stored_as_sqlalchemy_stores_them(ledger: Ledger, ledger_path: Path) -> None:
    fast = PreparedInsert(_TABLE, _KEYS)
    with ledger.write() as session:
        session.connection().execute(_TABLE.insert(), [_event("a" * 36)])
        new_id = fast.one(session, _event("b" * 36))
        fast.many(session, [_event("c" * 36), _event("d" * 36)])
    assert new_id > 0
    reference = _stored(ledger_path, "a" * 36)
    for uuid in ("b" * 36, "c" * 36, "d" * 36):
        assert _stored(ledger_path, uuid) == reference
    with ledger.read() as session:
        read_back = session.get(OutboxEvent, new_id)
        assert read_back is not None
        assert read_back.payload == _event("b")["payload"]
        assert read_back.created_at == _event("b")["created_at"]


def test_a_full_disk_is_sqlalchemys_operational_error_and_rolls_back(ledger: Ledger, ledger_path: Path) -> None:
    fast = PreparedInsert(_TABLE, _KEYS)
    with closing(sqlite3.connect(ledger_path)) as con:
        before = con.execute("SELECT count(*) FROM outbox").fetchone()[0]
    big = [{**_event(f"{n:036d}"), "payload": {"blob": "x" * 4000}} for n in range(400)]
    with pytest.raises(OperationalError, match="full"), ledger.write() as session:
        session.connection().exec_driver_sql("PRAGMA max_page_count = "
                                             + str(session.connection().exec_driver_sql("PRAGMA page_count").scalar()))
        fast.many(session, big)
    with closing(sqlite3.connect(ledger_path)) as con:
        assert con.execute("SELECT count(*) FROM outbox").fetchone()[0] == before


def test_a_prepared_query_answers_as_core_does_and_refuses_what_it_cannot_bind(ledger: Ledger) -> None:
    from sqlalchemy import bindparam, select

    fast = PreparedInsert(_TABLE, _KEYS)
    with ledger.write() as session:
        for n in range(3):
            fast.one(session, _event(f"pq-{n}"))
    newest = (select(_TABLE.c.uuid, _TABLE.c.attempts).where(_TABLE.c.event_type == bindparam("kind"))
              .order_by(_TABLE.c.id.desc()).limit(2))  # LIMIT: a value compiled into the statement
    query = PreparedQuery(newest)
    with ledger.read() as session:
        core = [tuple(row) for row in session.connection().execute(newest, {"kind": "sale.completed"})]
        assert query.rows(session, {"kind": "sale.completed"}) == core == [("pq-2", 0), ("pq-1", 0)]
        assert query.scalar(session, {"kind": "sale.completed"}) == "pq-2"
        assert query.scalar(session, {"kind": "nothing"}) is None
        with pytest.raises(KeyError, match="kind"):
            query.rows(session)  # a forgotten parameter is an error, not a NULL
        with pytest.raises(ValueError, match="expanding"):
            PreparedQuery(select(_TABLE.c.id).where(_TABLE.c.id.in_(bindparam("ids", expanding=True)))).rows(
                session, {"ids": [1]})

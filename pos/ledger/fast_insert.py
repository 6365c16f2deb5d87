"""Statements on the sale's hot path, compiled once and run on the DBAPI cursor of the caller's transaction.

SQLAlchemy's per-statement execution machinery costs ~0.1–0.3 ms a call, and a sale commit runs a
dozen of them; that overhead, not SQLite, was most of the till's commit time. The statement text and
the bind processors (``UTCDateTime``, ``JSON``) still come from SQLAlchemy, so the stored values are
exactly the ones ``Connection.execute`` would store, and DBAPI errors are re-raised wrapped the same way
(``sqlalchemy.exc.OperationalError`` for a full disk or a locked file), so callers keep one error path.
``PreparedQuery`` does the same for the few look-ups and counter bumps of a sale (plain values only).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Executable, Table, bindparam
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

_Processor = Callable[[Any], Any] | None


class PreparedInsert:
    """``INSERT INTO table (keys…) VALUES (?, …)`` for rows given as mappings holding every key."""

    def __init__(self, table: Table, keys: Sequence[str]) -> None:
        self._table = table
        self.keys = list(keys)
        self._compiled: tuple[Dialect, str, list[tuple[str, _Processor]]] | None = None

    def _prepare(self, dialect: Dialect) -> tuple[str, list[tuple[str, _Processor]]]:
        if self._compiled is None or self._compiled[0] is not dialect:
            columns = self._table.columns
            statement = self._table.insert().values({k: bindparam(k, type_=columns[k].type) for k in self.keys})
            compiled = statement.compile(dialect=dialect)
            order = list(compiled.positiontup or ())
            if sorted(order) != sorted(self.keys):
                raise RuntimeError(f"unexpected parameters for {self._table.name}: {order}")
            processors = [(k, columns[k].type.bind_processor(dialect)) for k in order]
            self._compiled = (dialect, compiled.string, processors)
        return self._compiled[1], self._compiled[2]

    def _rows(self, processors: list[tuple[str, _Processor]],
              rows: Iterable[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
        return [tuple(p(row[k]) if p is not None else row[k] for k, p in processors) for row in rows]

    def many(self, session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
        """Insert ``rows`` in the session's current transaction (one ``executemany``)."""
        if not rows:
            return
        sql, processors = self._prepare(session.connection().dialect)
        execute_many(session, sql, self._rows(processors, rows))

    def one(self, session: Session, row: Mapping[str, Any]) -> int:
        """Insert one row and return its rowid (the integer primary key)."""
        connection = session.connection()
        sql, processors = self._prepare(connection.dialect)
        values = self._rows(processors, (row,))[0]
        cursor = _cursor(connection)
        try:
            cursor.execute(sql, values)
            rowid = cursor.lastrowid
        except sqlite3.Error as exc:
            raise _wrapped(sql, exc) from exc
        finally:
            cursor.close()
        if rowid is None:
            raise RuntimeError(f"no rowid after inserting into {self._table.name}")
        return int(rowid)


class PreparedQuery:
    """A Core statement (SELECT, or UPDATE … RETURNING) whose parameters are plain values (str, int):
    compiled once, run on the session's DBAPI cursor. Literal values in the statement (``LIMIT 1``,
    ``last_number + 1``) keep the values SQLAlchemy compiled for them."""

    def __init__(self, statement: Executable) -> None:
        self._statement = statement
        self._compiled: tuple[Dialect, str, list[tuple[str, bool, Any]]] | None = None

    def _prepare(self, dialect: Dialect) -> tuple[str, list[tuple[str, bool, Any]]]:
        if self._compiled is None or self._compiled[0] is not dialect:
            compiled = self._statement.compile(dialect=dialect)
            if "POSTCOMPILE" in compiled.string:
                raise ValueError("expanding parameters (IN lists) are not supported: use fetch_rows")
            order = [(k, compiled.binds[k].required, compiled.binds[k].value) for k in compiled.positiontup or ()]
            self._compiled = (dialect, compiled.string, order)
        return self._compiled[1], self._compiled[2]

    def rows(self, session: Session, params: Mapping[str, Any] | None = None) -> list[tuple[Any, ...]]:
        """Every row, as tuples, in the session's current transaction."""
        connection = session.connection()
        sql, order = self._prepare(connection.dialect)
        given = params or {}
        missing = [k for k, required, _ in order if required and k not in given]
        if missing:
            raise KeyError(f"missing parameters {missing} for {sql!r}")
        return _fetch(connection, sql, [given.get(k, default) for k, _, default in order])

    def scalar(self, session: Session, params: Mapping[str, Any] | None = None) -> Any:
        """The first column of the first row, or None."""
        rows = self.rows(session, params)
        return rows[0][0] if rows else None


def fetch_rows(session: Session, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Plain SQL with positional parameters in the session's transaction: every row, as tuples."""
    return _fetch(session.connection(), sql, values)


def _fetch(connection: Any, sql: str, values: Sequence[Any]) -> list[tuple[Any, ...]]:
    cursor = _cursor(connection)
    try:
        cursor.execute(sql, values)
        return cursor.fetchall()
    except sqlite3.Error as exc:
        raise _wrapped(sql, exc) from exc
    finally:
        cursor.close()


def execute_many(session: Session, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Plain SQL with positional parameters (values as the driver takes them) in the session's transaction."""
    if not rows:
        return
    cursor = _cursor(session.connection())
    try:
        cursor.executemany(sql, rows)
    except sqlite3.Error as exc:
        raise _wrapped(sql, exc) from exc
    finally:
        cursor.close()


def _cursor(connection: Any) -> sqlite3.Cursor:
    raw = connection.connection.driver_connection
    if not isinstance(raw, sqlite3.Connection):
        raise TypeError("fast inserts need the sqlite3 driver")
    return raw.cursor()


def _wrapped(sql: str, exc: sqlite3.Error) -> BaseException:
    return DBAPIError.instance(sql, None, exc, sqlite3.Error)

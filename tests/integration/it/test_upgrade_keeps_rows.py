"""Upgrading the app migrates the ledger without losing a row. For every revision in the Alembic script
directory (whatever head is today), a ledger is built up to that revision with rows inserted at each step
along the way, then upgraded to head: every row is still there."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from pos.ledger.backup import check_backup, list_backups
from pos.ledger.db import DB_FILENAME, Ledger, alembic_config, head_revision, make_engine, upgrade


def _revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]  # base first


def _tables(con: sqlite3.Connection) -> list[str]:
    names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                       "'sqlite_%' AND name NOT LIKE 'products_fts%' AND name != 'alembic_version'")]
    # Parents before children, so every foreign key can point at a row that exists.
    deps = {t: {r[2] for r in con.execute(f"PRAGMA foreign_key_list('{t}')")} - {t} for t in names}
    ordered: list[str] = []
    while len(ordered) < len(names):
        ready = [t for t in names if t not in ordered and deps[t] <= set(ordered)]
        assert ready, f"foreign key cycle among {set(names) - set(ordered)}"
        ordered += sorted(ready)
    return ordered


def _value(con: sqlite3.Connection, table: str, column: str, decl: str, fks: dict[str, tuple[str, str]],
           serial: int) -> object:
    if column in fks:
        parent, parent_col = fks[column]
        row = con.execute(f'SELECT "{parent_col or "id"}" FROM "{parent}" ORDER BY rowid DESC LIMIT 1').fetchone()
        return row[0] if row else None
    decl = decl.upper()
    if "INT" in decl or "BOOL" in decl:
        return serial
    if "DATE" in decl or "TIME" in decl:
        return "2026-01-02 03:04:05.000000"
    if "NUM" in decl or "REAL" in decl or "FLOA" in decl or "DEC" in decl:
        return serial
    if "BLOB" in decl:
        return b"x"
    if "JSON" in decl:
        return "{}"
    return f"{table[:6]}-{column[:10]}-{serial}"[:30]


def _fill(con: sqlite3.Connection, revision: str, counter: list[int]) -> dict[str, int]:
    """One row in every table of the schema as it is at ``revision``; returns rows added per table."""
    added: dict[str, int] = defaultdict(int)
    for table in _tables(con):
        columns = con.execute(f"PRAGMA table_info('{table}')").fetchall()  # cid, name, type, notnull, dflt, pk
        fks = {r[3]: (r[2], r[4]) for r in con.execute(f"PRAGMA foreign_key_list('{table}')")}
        names, values = [], []
        for _cid, name, decl, _notnull, _default, pk in columns:
            if pk == 1 and "INT" in decl.upper() and sum(1 for c in columns if c[5]) == 1:
                continue  # rowid alias: let SQLite number it
            counter[0] += 1
            names.append(f'"{name}"')
            values.append(_value(con, table, name, decl, fks, counter[0]))
        marks = ", ".join("?" for _ in names)
        con.execute(f'INSERT INTO "{table}" ({", ".join(names)}) VALUES ({marks})', values)
        added[table] += 1
    con.commit()
    return added


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as con:
        return {t: int(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in _tables(con)}


REVISIONS = _revisions()


def test_the_script_directory_is_one_straight_line_from_base_to_head() -> None:
    assert REVISIONS[-1] == head_revision()
    assert len(REVISIONS) == len(set(REVISIONS)) >= 3


@pytest.mark.parametrize("start", REVISIONS[:-1])
def test_upgrading_from_an_older_revision_keeps_every_row(tmp_path: Path, start: str) -> None:
    path = tmp_path / DB_FILENAME
    engine = make_engine(path)
    counter = [0]
    for revision in REVISIONS[: REVISIONS.index(start) + 1]:
        upgrade(engine, revision)
        with sqlite3.connect(path) as con:
            con.execute("PRAGMA foreign_keys=ON")
            _fill(con, revision, counter)
    engine.dispose()
    before = _counts(path)
    assert sum(before.values()) >= len(before) > 0

    Ledger(path).close()  # what the app does at start: backup, then upgrade to head

    after = _counts(path)
    lost = {t: (n, after.get(t)) for t, n in before.items() if after.get(t, 0) < n}
    assert lost == {}, f"rows lost upgrading from {start}: {lost}"
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    (backup,) = list_backups(tmp_path / "backups")
    assert check_backup(backup.path).revision == start and _counts(backup.path) == before

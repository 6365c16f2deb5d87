"""product search index merged in steps: FTS5 automerge off, crisis merges at 64 segments

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 03:20:00
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# Why: pos/ledger/search_index.py. The values are written here, not imported, so that this revision
# keeps meaning what it meant.


def upgrade() -> None:
    op.execute("INSERT INTO products_fts(products_fts, rank) VALUES ('automerge', 0)")
    op.execute("INSERT INTO products_fts(products_fts, rank) VALUES ('crisismerge', 64)")


def downgrade() -> None:
    # FTS5's defaults (automerge 4, crisismerge 16).
    op.execute("INSERT INTO products_fts(products_fts, rank) VALUES ('automerge', 4)")
    op.execute("INSERT INTO products_fts(products_fts, rank) VALUES ('crisismerge', 16)")

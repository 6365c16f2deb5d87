"""customers, wallet movements and the cached online activity of customers

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 22:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("remote_id", sa.BigInteger(), nullable=True),
        sa.Column("first_name", sa.String(length=128), nullable=False),
        sa.Column("last_name", sa.String(length=128), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("phone", sa.String(length=64), nullable=False),
        sa.Column("phone_digits", sa.String(length=32), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("loyalty_code", sa.String(length=32), nullable=False),
        sa.Column("balance_minor", sa.BigInteger(), nullable=True),
        sa.Column("balance_at", sa.DateTime(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("remote_modified_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("loyalty_code"),
        sa.UniqueConstraint("remote_id"),
        sa.UniqueConstraint("uuid"),
    )
    with op.batch_alter_table("customers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_customers_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_customers_phone_digits"), ["phone_digits"], unique=False)

    op.create_table(
        "wallet_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("sale_uuid", sa.String(length=36), nullable=True),
        sa.Column("source_uuid", sa.String(length=36), nullable=True),
        sa.Column("releases", sa.String(length=36), nullable=True),
        sa.Column("offline", sa.Boolean(), nullable=False),
        sa.Column("delivered", sa.Boolean(), nullable=False),
        sa.Column("remote_tx_id", sa.BigInteger(), nullable=True),
        sa.Column("note", sa.String(length=255), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("till_id", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("source_uuid"),
        sa.UniqueConstraint("uuid"),
    )
    with op.batch_alter_table("wallet_movements", schema=None) as batch_op:
        batch_op.create_index("ix_wallet_movements_customer_state", ["customer_id", "state"], unique=False)
        batch_op.create_index(batch_op.f("ix_wallet_movements_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_wallet_movements_sale_uuid"), ["sale_uuid"], unique=False)

    op.create_table(
        "customer_activity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=16), nullable=False),
        sa.Column("remote_id", sa.BigInteger(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("label", sa.String(length=255), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("customer_activity", schema=None) as batch_op:
        batch_op.create_index("ix_customer_activity_key", ["customer_id", "source", "remote_id"], unique=True)
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.create_index("ix_sales_customer_id", ["customer_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("sales", schema=None) as batch_op:
        batch_op.drop_index("ix_sales_customer_id")
    op.drop_table("customer_activity")
    op.drop_table("wallet_movements")
    op.drop_table("customers")

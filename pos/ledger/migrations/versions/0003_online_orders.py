"""online orders to collect at the store (click-and-collect)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 21:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pickup_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("remote_id", sa.BigInteger(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("remote_status", sa.String(length=24), nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("customer_name", sa.String(length=255), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("phone", sa.String(length=64), nullable=False),
        sa.Column("payment_method", sa.String(length=64), nullable=False),
        sa.Column("payment_title", sa.String(length=128), nullable=False),
        sa.Column("paid_online", sa.Boolean(), nullable=False),
        sa.Column("paid_by_sale_uuid", sa.String(length=36), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total_minor", sa.BigInteger(), nullable=False),
        sa.Column("verify_code", sa.String(length=16), nullable=False),
        sa.Column("customer_note", sa.Text(), nullable=False),
        sa.Column("pickup_location", sa.String(length=128), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("remote_modified_at", sa.DateTime(), nullable=False),
        sa.Column("pulled_at", sa.DateTime(), nullable=False),
        sa.Column("prepared_by", sa.Integer(), nullable=True),
        sa.Column("ready_at", sa.DateTime(), nullable=True),
        sa.Column("collected_at", sa.DateTime(), nullable=True),
        sa.Column("conflict", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(["prepared_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("remote_id"),
        sa.UniqueConstraint("uuid"),
    )
    with op.batch_alter_table("pickup_orders", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pickup_orders_number"), ["number"], unique=False)
        batch_op.create_index(batch_op.f("ix_pickup_orders_state"), ["state"], unique=False)
        batch_op.create_index(batch_op.f("ix_pickup_orders_email"), ["email"], unique=False)

    op.create_table(
        "pickup_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("remote_line_id", sa.BigInteger(), nullable=False),
        sa.Column("remote_product_id", sa.BigInteger(), nullable=False),
        sa.Column("remote_variation_id", sa.BigInteger(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("qty_milli", sa.BigInteger(), nullable=False),
        sa.Column("picked_milli", sa.BigInteger(), nullable=False),
        sa.Column("collected_milli", sa.BigInteger(), nullable=False),
        sa.Column("reserved_milli", sa.BigInteger(), nullable=False),
        sa.Column("total_minor", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["pickup_orders.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("pickup_lines", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pickup_lines_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_pickup_lines_product_id"), ["product_id"], unique=False)

    op.create_table(
        "pickup_handovers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("verified_by", sa.String(length=16), nullable=False),
        sa.Column("id_check", sa.String(length=128), nullable=True),
        sa.Column("lines", sa.JSON(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.Column("paid_by_sale_uuid", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["pickup_orders.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    with op.batch_alter_table("pickup_handovers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pickup_handovers_order_id"), ["order_id"], unique=False)


def downgrade() -> None:
    op.drop_table("pickup_handovers")
    op.drop_table("pickup_lines")
    op.drop_table("pickup_orders")

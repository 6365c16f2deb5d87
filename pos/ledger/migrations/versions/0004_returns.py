"""returns and exchanges: return records and lines, local copy of returnable online orders

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 22:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
        "online_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("remote_id", sa.BigInteger(), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("customer_name", sa.String(length=255), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("customer_remote_id", sa.BigInteger(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("total_minor", sa.BigInteger(), nullable=False),
        sa.Column("refunded_minor", sa.BigInteger(), nullable=False),
        sa.Column("payment_method", sa.String(length=64), nullable=False),
        sa.Column("payment_title", sa.String(length=128), nullable=False),
        sa.Column("paid", sa.Boolean(), nullable=False),
        sa.Column("created_via", sa.String(length=64), nullable=False),
        sa.Column("pos_sale_uuid", sa.String(length=36), nullable=True),
        sa.Column("receipt_no", sa.String(length=32), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("remote_modified_at", sa.DateTime(), nullable=False),
        sa.Column("pulled_at", sa.DateTime(), nullable=False),
        sa.Column("refunds_checked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("remote_id"),
    )
    op.create_index(op.f("ix_online_orders_email"), "online_orders", ["email"], unique=False)
    op.create_index(op.f("ix_online_orders_number"), "online_orders", ["number"], unique=False)
    op.create_index(op.f("ix_online_orders_pos_sale_uuid"), "online_orders", ["pos_sale_uuid"], unique=False)
    op.create_index(op.f("ix_online_orders_receipt_no"), "online_orders", ["receipt_no"], unique=False)
    op.create_table(
        "online_order_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("remote_line_id", sa.BigInteger(), nullable=False),
        sa.Column("remote_product_id", sa.BigInteger(), nullable=False),
        sa.Column("remote_variation_id", sa.BigInteger(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=True),
        sa.Column("sku", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("qty_milli", sa.BigInteger(), nullable=False),
        sa.Column("net_minor", sa.BigInteger(), nullable=False),
        sa.Column("tax_minor", sa.BigInteger(), nullable=False),
        sa.Column("tax_rate_remote_id", sa.BigInteger(), nullable=True),
        sa.Column("refunded_elsewhere_milli", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["online_orders.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_online_order_lines_order_id"), "online_order_lines", ["order_id"], unique=False)
    op.create_index(op.f("ix_online_order_lines_product_id"), "online_order_lines", ["product_id"], unique=False)
    op.create_table(
        "returns",
        sa.Column("sale_id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("original_sale_uuid", sa.String(length=36), nullable=True),
        sa.Column("online_order_id", sa.Integer(), nullable=True),
        sa.Column("remote_order_id", sa.BigInteger(), nullable=True),
        sa.Column("route", sa.String(length=16), nullable=False),
        sa.Column("api_refund", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("customer_email", sa.String(length=255), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("exchange_sale_uuid", sa.String(length=36), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["approved_by"],
            ["users.id"],
        ),
        sa.ForeignKeyConstraint(
            ["online_order_id"],
            ["online_orders.id"],
        ),
        sa.ForeignKeyConstraint(
            ["sale_id"],
            ["sales.id"],
        ),
        sa.PrimaryKeyConstraint("sale_id"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_index(op.f("ix_returns_online_order_id"), "returns", ["online_order_id"], unique=False)
    op.create_index(op.f("ix_returns_original_sale_uuid"), "returns", ["original_sale_uuid"], unique=False)
    op.create_table(
        "return_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("return_sale_id", sa.Integer(), nullable=False),
        sa.Column("source_line_id", sa.Integer(), nullable=True),
        sa.Column("online_line_id", sa.Integer(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("qty_milli", sa.BigInteger(), nullable=False),
        sa.Column("amount_minor", sa.BigInteger(), nullable=False),
        sa.Column("net_minor", sa.BigInteger(), nullable=False),
        sa.Column("tax_minor", sa.BigInteger(), nullable=False),
        sa.Column("restock", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["online_line_id"],
            ["online_order_lines.id"],
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
        ),
        sa.ForeignKeyConstraint(
            ["return_sale_id"],
            ["sales.id"],
        ),
        sa.ForeignKeyConstraint(
            ["source_line_id"],
            ["sale_lines.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_return_lines_online_line_id"), "return_lines", ["online_line_id"], unique=False)
    op.create_index(op.f("ix_return_lines_return_sale_id"), "return_lines", ["return_sale_id"], unique=False)
    op.create_index(op.f("ix_return_lines_source_line_id"), "return_lines", ["source_line_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_return_lines_source_line_id"), table_name="return_lines")
    op.drop_index(op.f("ix_return_lines_return_sale_id"), table_name="return_lines")
    op.drop_index(op.f("ix_return_lines_online_line_id"), table_name="return_lines")
    op.drop_table("return_lines")
    op.drop_index(op.f("ix_returns_original_sale_uuid"), table_name="returns")
    op.drop_index(op.f("ix_returns_online_order_id"), table_name="returns")
    op.drop_table("returns")
    op.drop_index(op.f("ix_online_order_lines_product_id"), table_name="online_order_lines")
    op.drop_index(op.f("ix_online_order_lines_order_id"), table_name="online_order_lines")
    op.drop_table("online_order_lines")
    op.drop_index(op.f("ix_online_orders_receipt_no"), table_name="online_orders")
    op.drop_index(op.f("ix_online_orders_pos_sale_uuid"), table_name="online_orders")
    op.drop_index(op.f("ix_online_orders_number"), table_name="online_orders")
    op.drop_index(op.f("ix_online_orders_email"), table_name="online_orders")
    op.drop_table("online_orders")

"""The key catalog's summary table, `metadata_keys`, counted from the existing entries.

One row per (resource type, key, value type) with how many entities carry it and when it
was first and last written. The store keeps it on every metadata write and delete, in the
same transaction, so the catalog of 10,000 keys reads 10,000 rows instead of grouping
every metadata entry.

Revision ID: 0017_metadata_key_summary
Revises: 0016_audit_filter_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017_metadata_key_summary"
down_revision: str | None = "0016_audit_filter_indexes"
branch_labels: str | None = None
depends_on: str | None = None

# A frozen copy of the column type in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)

_BACKFILL = (
    "INSERT INTO metadata_keys (target_kind, key, type, entity_count, first_seen, last_seen) "
    "SELECT target_kind, key, type, COUNT(*), MIN(created), MAX(created) "
    "FROM metadata_entries GROUP BY target_kind, key, type"
)


def upgrade() -> None:
    op.create_table(
        "metadata_keys",
        sa.Column("target_kind", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("entity_count", sa.BigInteger(), nullable=False),
        sa.Column("first_seen", TIMESTAMP, nullable=False),
        sa.Column("last_seen", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("target_kind", "key", "type", name="pk_metadata_keys"),
        sqlite_with_rowid=False,
    )
    op.execute(_BACKFILL)


def downgrade() -> None:
    op.drop_table("metadata_keys")

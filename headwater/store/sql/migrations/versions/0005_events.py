"""Events: an outbox of run and step changes for the server's live stream.

Revision ID: 0005_events
Revises: 0004_models
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_events"
down_revision: str | None = "0004_models"
branch_labels: str | None = None
depends_on: str | None = None

# A frozen copy of the column type in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=True),
        sa.Column("change", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_events_run_id_id", "events", ["run_id", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_events_run_id_id", table_name="events")
    op.drop_table("events")

"""Saved views of the runs list: named columns, filters and sort, shared per project.

Revision ID: 0018_saved_run_views
Revises: 0017_metadata_key_summary
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0018_saved_run_views"
down_revision: str | None = "0017_metadata_key_summary"
branch_labels: str | None = None
depends_on: str | None = None

# Frozen copies of the column types in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)
JSON_VALUE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "saved_views",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=True),
        sa.Column("columns", JSON_VALUE, nullable=False),
        sa.Column("search", JSON_VALUE, nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.Column("updated", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"], ["projects.id"], name="fk_saved_views_project_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["users.id"], name="fk_saved_views_owner_id", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_saved_views"),
        sa.UniqueConstraint("project_id", "name", name="uq_saved_views_project_id_name"),
    )


def downgrade() -> None:
    op.drop_table("saved_views")

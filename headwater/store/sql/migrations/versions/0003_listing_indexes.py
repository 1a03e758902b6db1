"""Indexes that let deep pages of runs seek instead of sort.

Runs of one pipeline are listed newest first with the id as tiebreaker, so their index
is (pipeline_id, created, id); runs sorted by name use (name, id).

Revision ID: 0003_listing_indexes
Revises: 0002_stacks
"""

from __future__ import annotations

from alembic import op

revision = "0003_listing_indexes"
down_revision: str | None = "0002_stacks"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.drop_index("ix_runs_pipeline_id_created", table_name="runs")
    op.create_index(
        "ix_runs_pipeline_id_created_id", "runs", ["pipeline_id", "created", "id"], unique=False
    )
    op.create_index("ix_runs_name_id", "runs", ["name", "id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_runs_name_id", table_name="runs")
    op.drop_index("ix_runs_pipeline_id_created_id", table_name="runs")
    op.create_index("ix_runs_pipeline_id_created", "runs", ["pipeline_id", "created"], unique=False)

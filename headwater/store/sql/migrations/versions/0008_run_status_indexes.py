"""Indexes that answer run lists filtered by status without reading every run.

Counting the runs of one pipeline with one status read each matching run's row (100,000
runs: about 100 ms); (pipeline_id, status, created, id) answers it from the index alone
and seeks to any page of it. A list filtered by status alone sorted all matching runs
for its first page; (status, created, id) seeks to it, and replaces the index on status.

Revision ID: 0008_run_status_indexes
Revises: 0007_access
"""

from __future__ import annotations

from alembic import op

revision = "0008_run_status_indexes"
down_revision: str | None = "0007_access"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.drop_index("ix_runs_status", table_name="runs")
    op.create_index("ix_runs_status_created_id", "runs", ["status", "created", "id"])
    op.create_index(
        "ix_runs_pipeline_id_status_created_id",
        "runs",
        ["pipeline_id", "status", "created", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_runs_pipeline_id_status_created_id", table_name="runs")
    op.drop_index("ix_runs_status_created_id", table_name="runs")
    op.create_index("ix_runs_status", "runs", ["status"])

"""Each run records how often its process beats, so it is stale by its own clock.

Revision ID: 0010_run_heartbeat_seconds
Revises: 0009_service_accounts
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_run_heartbeat_seconds"
down_revision: str | None = "0009_service_accounts"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.add_column("runs", sa.Column("heartbeat_seconds", sa.Float(), nullable=True))


def downgrade() -> None:
    op.drop_column("runs", "heartbeat_seconds")

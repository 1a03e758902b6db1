"""When an API key was rotated, and a per-user token epoch that a password change bumps.

Revision ID: 0011_rotations_and_token_epochs
Revises: 0010_run_heartbeat_seconds
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_rotations_and_token_epochs"
down_revision: str | None = "0010_run_heartbeat_seconds"
branch_labels: str | None = None
depends_on: str | None = None

# A frozen copy of the column type in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("api_keys", sa.Column("rotated", TIMESTAMP, nullable=True))
    op.add_column(
        "user_logins",
        sa.Column("token_epoch", sa.Integer(), nullable=False, server_default="0"),
    )


def downgrade() -> None:
    with op.batch_alter_table("user_logins") as batch:
        batch.drop_column("token_epoch")
    with op.batch_alter_table("api_keys") as batch:
        batch.drop_column("rotated")

"""User logins: a password hash and a server-level role per user who can log in.

Revision ID: 0006_user_logins
Revises: 0005_events
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_user_logins"
down_revision: str | None = "0005_events"
branch_labels: str | None = None
depends_on: str | None = None

# A frozen copy of the column type in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "user_logins",
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=32), nullable=False),
        sa.Column("updated", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_user_logins_user_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name="pk_user_logins"),
    )


def downgrade() -> None:
    op.drop_table("user_logins")

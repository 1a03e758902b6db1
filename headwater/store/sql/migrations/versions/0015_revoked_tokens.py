"""Access tokens ended before their expiry, so logging a browser out ends its session.

Revision ID: 0015_revoked_tokens
Revises: 0014_metadata_key_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_revoked_tokens"
down_revision: str | None = "0014_metadata_key_index"
branch_labels: str | None = None
depends_on: str | None = None

# A frozen copy of the column type in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "revoked_tokens",
        sa.Column("token_id", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("expires", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_revoked_tokens_user_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("token_id", name="pk_revoked_tokens"),
    )
    op.create_index("ix_revoked_tokens_expires", "revoked_tokens", ["expires"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_revoked_tokens_expires", table_name="revoked_tokens")
    op.drop_table("revoked_tokens")

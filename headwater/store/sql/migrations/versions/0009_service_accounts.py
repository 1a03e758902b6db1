"""Service accounts and their API keys: a kind per login, deactivation, hashed keys.

Revision ID: 0009_service_accounts
Revises: 0008_run_status_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_service_accounts"
down_revision: str | None = "0008_run_status_indexes"
branch_labels: str | None = None
depends_on: str | None = None

# A frozen copy of the column type in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column(
        "user_logins",
        sa.Column("kind", sa.String(length=32), nullable=False, server_default="user"),
    )
    op.add_column("user_logins", sa.Column("description", sa.Text(), nullable=True))
    op.add_column("user_logins", sa.Column("deactivated", TIMESTAMP, nullable=True))
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("secret_hash", sa.String(length=128), nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.Column("expires", TIMESTAMP, nullable=True),
        sa.Column("last_used", TIMESTAMP, nullable=True),
        sa.Column("revoked", TIMESTAMP, nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_api_keys_user_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_api_keys"),
    )
    op.create_index("ix_api_keys_user_id_created", "api_keys", ["user_id", "created"])


def downgrade() -> None:
    op.drop_index("ix_api_keys_user_id_created", table_name="api_keys")
    op.drop_table("api_keys")
    with op.batch_alter_table("user_logins") as batch:
        batch.drop_column("deactivated")
        batch.drop_column("description")
        batch.drop_column("kind")

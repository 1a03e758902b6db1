"""One-time activation links: a new user sets their own password instead of being given one.

Revision ID: 0021_activation_links
Revises: 0020_audit_actor_project_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021_activation_links"
down_revision: str | None = "0020_audit_actor_project_index"
branch_labels: str | None = None
depends_on: str | None = None

# A frozen copy of the column type in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "activation_links",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("secret_hash", sa.String(length=128), nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.Column("expires", TIMESTAMP, nullable=False),
        sa.Column("used", TIMESTAMP, nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_activation_links_user_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_activation_links"),
    )
    op.create_index("ix_activation_links_user_id", "activation_links", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_activation_links_user_id", table_name="activation_links")
    op.drop_table("activation_links")

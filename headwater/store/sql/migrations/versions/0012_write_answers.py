"""The answers of idempotent writes, so a retried write is answered, not applied twice.

Revision ID: 0012_write_answers
Revises: 0011_rotations_and_token_epochs
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_write_answers"
down_revision: str | None = "0011_rotations_and_token_epochs"
branch_labels: str | None = None
depends_on: str | None = None

# A frozen copy of the column type in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "write_answers",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("answer", sa.Text(), nullable=True),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_write_answers"),
    )
    op.create_index("ix_write_answers_created", "write_answers", ["created"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_write_answers_created", table_name="write_answers")
    op.drop_table("write_answers")

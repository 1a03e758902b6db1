"""Keep component secrets apart, and record each run's stack with its settings.

`run_stacks` had no rows yet (nothing wrote it before this revision), so it is dropped
and made again: its stack reference now survives the stack's deletion (SET NULL) and it
keeps the stack's name and its components' settings as the run saw them.

Revision ID: 0002_stacks
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002_stacks"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

# Frozen copy of the JSON column type in `schema.py`: a migration never changes later.
JSON_VALUE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "stack_component_secrets",
        sa.Column("component_id", sa.Uuid(), nullable=False),
        sa.Column("secrets", JSON_VALUE, nullable=False),
        sa.ForeignKeyConstraint(
            ["component_id"],
            ["stack_components.id"],
            name="fk_stack_component_secrets_component_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("component_id", name="pk_stack_component_secrets"),
    )
    op.drop_index("ix_run_stacks_stack_id", table_name="run_stacks")
    op.drop_table("run_stacks")
    _create_run_stacks(with_snapshot=True)


def downgrade() -> None:
    op.drop_index("ix_run_stacks_stack_id", table_name="run_stacks")
    op.drop_table("run_stacks")
    _create_run_stacks(with_snapshot=False)
    op.drop_table("stack_component_secrets")


def _create_run_stacks(*, with_snapshot: bool) -> None:
    snapshot: list[sa.schema.SchemaItem] = [
        sa.Column("stack_name", sa.String(length=255), nullable=False),
        sa.Column("components", JSON_VALUE, nullable=False),
    ]
    op.create_table(
        "run_stacks",
        sa.Column("run_id", sa.Uuid(), nullable=False),
        sa.Column("stack_id", sa.Uuid(), nullable=with_snapshot),
        *(snapshot if with_snapshot else []),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name="fk_run_stacks_run_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["stack_id"],
            ["stacks.id"],
            name="fk_run_stacks_stack_id",
            ondelete="SET NULL" if with_snapshot else "CASCADE",
        ),
        sa.PrimaryKeyConstraint("run_id", name="pk_run_stacks"),
    )
    op.create_index("ix_run_stacks_stack_id", "run_stacks", ["stack_id"], unique=False)

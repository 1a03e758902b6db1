"""Approvals of stage changes: policies per model and stage, requests, and their votes.

Revision ID: 0013_model_approvals
Revises: 0012_write_answers
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_model_approvals"
down_revision: str | None = "0012_write_answers"
branch_labels: str | None = None
depends_on: str | None = None

# A frozen copy of the column type in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.add_column("stage_transitions", sa.Column("request_id", sa.Uuid(), nullable=True))
    op.create_table(
        "model_approval_policies",
        sa.Column("model_id", sa.Uuid(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("required_approvals", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["model_id"],
            ["models.id"],
            name="fk_model_approval_policies_model_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("model_id", "stage", name="pk_model_approval_policies"),
    )
    op.create_table(
        "approval_requests",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("model_id", sa.Uuid(), nullable=False),
        sa.Column("model_version_id", sa.Uuid(), nullable=True),
        sa.Column("version_number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("to_stage", sa.String(length=32), nullable=True),
        sa.Column("force", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("required_approvals", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.Column("decided", TIMESTAMP, nullable=True),
        sa.ForeignKeyConstraint(
            ["model_id"], ["models.id"], name="fk_approval_requests_model_id", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["model_version_id"],
            ["model_versions.id"],
            name="fk_approval_requests_model_version_id",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_approval_requests_user_id", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_approval_requests"),
    )
    op.create_index(
        "ix_approval_requests_model_id_status", "approval_requests", ["model_id", "status"]
    )
    op.create_index(
        "ix_approval_requests_status_created", "approval_requests", ["status", "created"]
    )
    op.create_table(
        "approval_votes",
        sa.Column("request_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("approve", sa.Boolean(), nullable=False),
        sa.Column("comment", sa.Text(), nullable=True),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["approval_requests.id"],
            name="fk_approval_votes_request_id",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_approval_votes_user_id", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("request_id", "user_id", name="pk_approval_votes"),
    )


def downgrade() -> None:
    op.drop_table("approval_votes")
    op.drop_index("ix_approval_requests_status_created", table_name="approval_requests")
    op.drop_index("ix_approval_requests_model_id_status", table_name="approval_requests")
    op.drop_table("approval_requests")
    op.drop_table("model_approval_policies")
    with op.batch_alter_table("stage_transitions") as batch:
        batch.drop_column("request_id")

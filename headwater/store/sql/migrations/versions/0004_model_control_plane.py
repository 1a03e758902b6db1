"""Model control plane: artifact kinds, transition outcomes, promotion rules, one holder
per exclusive stage.

Revision ID: 0004_models
Revises: 0003_listing_indexes
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_models"
down_revision: str | None = "0003_listing_indexes"
branch_labels: str | None = None
depends_on: str | None = None

# A frozen copy of schema.EXCLUSIVE_STAGES: a migration never changes later.
EXCLUSIVE_STAGES = "stage IN ('staging', 'production')"


def upgrade() -> None:
    with op.batch_alter_table("model_version_artifacts") as batch:
        batch.add_column(
            sa.Column("artifact_type", sa.String(length=32), nullable=False, server_default="data")
        )
    with op.batch_alter_table("stage_transitions") as batch:
        batch.add_column(
            sa.Column("outcome", sa.String(length=32), nullable=False, server_default="applied")
        )
        batch.add_column(
            sa.Column("trigger", sa.String(length=32), nullable=False, server_default="user")
        )
    op.create_index(
        "uq_model_versions_exclusive_stage",
        "model_versions",
        ["model_id", "stage"],
        unique=True,
        sqlite_where=sa.text(EXCLUSIVE_STAGES),
        postgresql_where=sa.text(EXCLUSIVE_STAGES),
    )
    op.create_table(
        "model_promotion_rules",
        sa.Column("model_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(length=32), nullable=False),
        sa.Column("metadata_key", sa.String(length=255), nullable=False),
        sa.Column("operator", sa.String(length=32), nullable=False),
        sa.Column("threshold", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["model_id"],
            ["models.id"],
            name="fk_model_promotion_rules_model_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("model_id", "position", name="pk_model_promotion_rules"),
    )


def downgrade() -> None:
    op.drop_table("model_promotion_rules")
    op.drop_index("uq_model_versions_exclusive_stage", table_name="model_versions")
    with op.batch_alter_table("stage_transitions") as batch:
        batch.drop_column("trigger")
        batch.drop_column("outcome")
    with op.batch_alter_table("model_version_artifacts") as batch:
        batch.drop_column("artifact_type")

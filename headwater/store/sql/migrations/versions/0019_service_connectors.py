"""Service connectors: named credentials components use, their secrets kept apart.

Revision ID: 0019_service_connectors
Revises: 0018_saved_run_views
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0019_service_connectors"
down_revision: str | None = "0018_saved_run_views"
branch_labels: str | None = None
depends_on: str | None = None

# Frozen copies of the column types in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)
JSON_VALUE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "service_connectors",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("settings", JSON_VALUE, nullable=False),
        sa.Column("secret_fields", JSON_VALUE, nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.Column("created_by", sa.String(length=255), nullable=False),
        sa.Column("updated", TIMESTAMP, nullable=False),
        sa.Column("updated_by", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name="fk_service_connectors_project_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_service_connectors"),
        sa.UniqueConstraint("project_id", "name", name="uq_service_connectors_project_id_name"),
    )
    op.create_table(
        "service_connector_secrets",
        sa.Column("connector_id", sa.Uuid(), nullable=False),
        sa.Column("secrets", JSON_VALUE, nullable=False),
        sa.ForeignKeyConstraint(
            ["connector_id"],
            ["service_connectors.id"],
            name="fk_service_connector_secrets_connector_id",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("connector_id", name="pk_service_connector_secrets"),
    )


def downgrade() -> None:
    op.drop_table("service_connector_secrets")
    op.drop_table("service_connectors")

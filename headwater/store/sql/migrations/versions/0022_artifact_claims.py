"""Artifact claims: saves and prunes announce the byte folders they are about to touch.

Revision ID: 0022_artifact_claims
Revises: 0021_activation_links
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022_artifact_claims"
down_revision: str | None = "0021_activation_links"
branch_labels: str | None = None
depends_on: str | None = None

# Frozen copies of the column types in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "artifact_claims",
        sa.Column("claim_id", sa.Uuid(), nullable=False),
        sa.Column("uri", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("claim_id", "uri", name="pk_artifact_claims"),
    )
    op.create_index("ix_artifact_claims_uri", "artifact_claims", ["uri"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_artifact_claims_uri", table_name="artifact_claims")
    op.drop_table("artifact_claims")

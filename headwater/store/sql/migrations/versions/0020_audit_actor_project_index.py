"""An index for the audit page's actor + project filter, and the changed entity's name.

SQLite plans without statistics unless ANALYZE ran, which nothing runs: an actor +
project + action page of a million events walked the project's index and took 303 ms.
An index on actor and project keeps it fast whatever the planner knows. `resource_name`
keeps the name of what changed (a team, a service account), so the trail shows it
instead of an id, even after the entity is gone.

Revision ID: 0020_audit_actor_project_index
Revises: 0019_service_connectors
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020_audit_actor_project_index"
down_revision: str | None = "0019_service_connectors"
branch_labels: str | None = None
depends_on: str | None = None

_INDEX = "ix_audit_events_user_name_project_id_created"


def upgrade() -> None:
    op.add_column("audit_events", sa.Column("resource_name", sa.String(length=255), nullable=True))
    op.create_index(_INDEX, "audit_events", ["user_name", "project_id", "created"], unique=False)


def downgrade() -> None:
    op.drop_index(_INDEX, table_name="audit_events")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_column("resource_name")

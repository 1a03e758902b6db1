"""Access: teams, custom roles, project roles of users and teams, and the audit trail.

Revision ID: 0007_access
Revises: 0006_user_logins
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0007_access"
down_revision: str | None = "0006_user_logins"
branch_labels: str | None = None
depends_on: str | None = None

# Frozen copies of the column types in `schema.py`: a migration never changes later.
TIMESTAMP = sa.DateTime(timezone=True)
JSON_VALUE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=f"fk_{table}_{column}", ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "teams",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_teams"),
        sa.UniqueConstraint("name", name="uq_teams_name"),
    )
    op.create_table(
        "team_members",
        sa.Column("team_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        _fk("team_members", "team_id", "teams"),
        _fk("team_members", "user_id", "users"),
        sa.PrimaryKeyConstraint("team_id", "user_id", name="pk_team_members"),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_team_members_user_id", "team_members", ["user_id"], unique=False)
    op.create_table(
        "roles",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("permissions", JSON_VALUE, nullable=False),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_roles"),
        sa.UniqueConstraint("name", name="uq_roles_name"),
    )
    for table, column, target in (
        ("project_user_roles", "user_id", "users"),
        ("project_team_roles", "team_id", "teams"),
    ):
        op.create_table(
            table,
            sa.Column("project_id", sa.Uuid(), nullable=False),
            sa.Column(column, sa.Uuid(), nullable=False),
            sa.Column("role", sa.String(length=255), nullable=False),
            sa.Column("created", TIMESTAMP, nullable=False),
            _fk(table, "project_id", "projects"),
            _fk(table, column, target),
            sa.PrimaryKeyConstraint("project_id", column, name=f"pk_{table}"),
        )
        op.create_index(f"ix_{table}_{column}", table, [column], unique=False)
    op.create_table(
        "audit_events",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("created", TIMESTAMP, nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=True),
        sa.Column("user_name", sa.String(length=255), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("resource", sa.String(length=32), nullable=False),
        sa.Column("resource_id", sa.String(length=255), nullable=True),
        sa.Column("project_id", sa.Uuid(), nullable=True),
        sa.Column("operation", sa.String(length=255), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_audit_events"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_audit_events_created", "audit_events", ["created"], unique=False)
    op.create_index("ix_audit_events_project_id_created", "audit_events", ["project_id", "created"])


def downgrade() -> None:
    op.drop_index("ix_audit_events_project_id_created", table_name="audit_events")
    op.drop_index("ix_audit_events_created", table_name="audit_events")
    op.drop_table("audit_events")
    for table, column in (("project_team_roles", "team_id"), ("project_user_roles", "user_id")):
        op.drop_index(f"ix_{table}_{column}", table_name=table)
        op.drop_table(table)
    op.drop_table("roles")
    op.drop_index("ix_team_members_user_id", table_name="team_members")
    op.drop_table("team_members")
    op.drop_table("teams")

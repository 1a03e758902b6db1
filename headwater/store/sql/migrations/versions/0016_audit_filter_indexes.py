"""Indexes for the audit page's filters: actor, action and resource type, newest first.

Revision ID: 0016_audit_filter_indexes
Revises: 0015_revoked_tokens
"""

from __future__ import annotations

from alembic import op

revision = "0016_audit_filter_indexes"
down_revision: str | None = "0015_revoked_tokens"
branch_labels: str | None = None
depends_on: str | None = None

_INDEXES = {
    "ix_audit_events_user_name_created": ["user_name", "created"],
    "ix_audit_events_action_created": ["action", "created"],
    "ix_audit_events_resource_action_created": ["resource", "action", "created"],
}


def upgrade() -> None:
    for name, columns in _INDEXES.items():
        op.create_index(name, "audit_events", columns, unique=False)


def downgrade() -> None:
    for name in _INDEXES:
        op.drop_index(name, table_name="audit_events")

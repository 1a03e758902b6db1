"""An index on metadata entries by (kind, key, number): the explorer's and filters' path.

The key catalog groups every entry of a resource type by key, and a filter such as
`accuracy >= 0.9` looks for the entities whose key holds a number in a range. Both read
the primary key (kind, target, key) in full without it; with it, one range of the index.

Revision ID: 0013_metadata_key_index
Revises: 0012_write_answers
"""

from __future__ import annotations

from alembic import op

revision = "0013_metadata_key_index"
down_revision: str | None = "0012_write_answers"
branch_labels: str | None = None
depends_on: str | None = None

_NAME = "ix_metadata_entries_target_kind_key_value_number_target_id"


def upgrade() -> None:
    op.create_index(_NAME, "metadata_entries", ["target_kind", "key", "value_number", "target_id"])


def downgrade() -> None:
    op.drop_index(_NAME, table_name="metadata_entries")

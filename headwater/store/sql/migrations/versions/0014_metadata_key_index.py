"""An index on metadata entries by (kind, key, type, number): the explorer's path.

The key catalog groups every entry of a resource type by key and type (with counts and
first and last written), and a filter such as `accuracy >= 0.9` looks for the entities
whose key holds a number in a range. Without it both read every entry's row; with it,
one range of this index, which holds every column they read.

Revision ID: 0014_metadata_key_index
Revises: 0013_model_approvals
"""

from __future__ import annotations

from alembic import op

revision = "0014_metadata_key_index"
down_revision: str | None = "0013_model_approvals"
branch_labels: str | None = None
depends_on: str | None = None

_NAME = "ix_metadata_entries_kind_key_type_number"
_COLUMNS = ["target_kind", "key", "type", "value_number", "target_id", "created"]


def upgrade() -> None:
    op.create_index(_NAME, "metadata_entries", _COLUMNS)


def downgrade() -> None:
    op.drop_index(_NAME, table_name="metadata_entries")

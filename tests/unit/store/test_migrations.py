"""The migration scripts and the revision a store expects agree."""

from __future__ import annotations

from alembic.config import Config
from alembic.script import ScriptDirectory

from headwater.store.sql.migrations import HEAD_REVISION, MIGRATIONS_FOLDER


def test_head_revision_names_the_newest_migration():
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_FOLDER))

    heads = ScriptDirectory.from_config(config).get_heads()

    assert heads == [HEAD_REVISION]

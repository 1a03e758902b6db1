"""Alembic migrations of the SQL store, applied automatically when a store is opened.

`HEAD_REVISION` names the newest revision in `versions/`, so opening a store that is
already current costs one query and never imports Alembic; a unit test keeps it true.
"""

from __future__ import annotations

from pathlib import Path

HEAD_REVISION = "0023_login_failures"
MIGRATIONS_FOLDER = Path(__file__).parent

"""Layers reach the store through its role protocols, never through a concrete store."""

from __future__ import annotations

import re
from pathlib import Path

import headwater
from headwater.store.factory import login_store_of

PACKAGE = Path(headwater.__file__).parent
DOWNCAST = re.compile(r"isinstance\([^)]*\b(SqlStore|RestStore)\b")


def test_no_module_outside_the_store_downcasts_to_a_concrete_store() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] != "store"
        and DOWNCAST.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_the_downcast_check_finds_one() -> None:
    assert DOWNCAST.search("if isinstance(store, SqlStore):")


def test_a_sql_store_keeps_logins(tmp_path: Path) -> None:
    from headwater.store.factory import open_store
    from headwater.store.logins import ServerRole

    store = open_store(f"sqlite:///{tmp_path / 'h.db'}")
    try:
        logins = login_store_of(store)
        assert logins is not None
        saved = logins.save_login("ada", "hash", ServerRole.MEMBER)
        assert logins.find_login("ada") == saved
    finally:
        store.close()

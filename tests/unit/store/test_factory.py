"""Choosing a store implementation from its URL."""

from __future__ import annotations

import pytest

from headwater.errors import ConfigurationError, StoreError
from headwater.store.factory import open_store
from headwater.store.sql.store import SqlStore


def test_a_sqlite_url_opens_a_sql_store_creating_its_folder(tmp_path):
    path = tmp_path / "nested" / "headwater.db"

    store = open_store(f"sqlite:///{path}")

    try:
        assert isinstance(store, SqlStore)
        assert path.exists()
    finally:
        store.close()


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        ("mysql://root@localhost/x", "is not supported"),
        ("postgresql://u@localhost/x", "start the URL with 'postgresql\\+psycopg://'"),
        ("sqlite://", "An in-memory SQLite database cannot be shared"),
        ("sqlite:///:memory:", "An in-memory SQLite database cannot be shared"),
    ],
)
def test_an_unsupported_url_names_the_accepted_forms(url, hint):
    with pytest.raises(ConfigurationError, match=hint) as raised:
        open_store(url)

    assert "'sqlite:///<path to a file>'" in str(raised.value)


def test_a_password_in_a_refused_url_is_not_repeated():
    with pytest.raises(ConfigurationError) as raised:
        open_store("postgresql://me:secret@db/x")

    assert "secret" not in str(raised.value)
    assert "me:***@db" in str(raised.value)


def test_an_unreachable_database_server_is_reported_with_its_url():
    with pytest.raises(StoreError, match="Cannot open the metadata store at 'postgresql"):
        open_store("postgresql+psycopg://postgres:pw@127.0.0.1:1/headwater")


def test_a_sqlite_file_that_cannot_be_created_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")

    with pytest.raises(ConfigurationError, match="Cannot create the folder"):
        open_store(f"sqlite:///{blocker / 'headwater.db'}")

"""The schema is brought up to date when a store opens a database, and only then."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from headwater.errors import ConfigurationError
from headwater.store.factory import open_store
from headwater.store.sql import migration
from headwater.store.sql.migrations import HEAD_REVISION
from headwater.store.sql.schema import store_schema
from tests.store_contract.processes import run_together


def _revision(url):
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()


def test_opening_an_empty_database_migrates_it_to_the_current_schema(sql_store_backend):
    url = sql_store_backend.make_empty_url()

    open_store(url).close()

    assert _revision(url) == HEAD_REVISION


def test_opening_a_current_database_runs_no_migration(sql_store_backend, monkeypatch):
    def fail(*_args):
        raise AssertionError("a current database was migrated again")

    monkeypatch.setattr(migration, "_upgrade", fail)

    sql_store_backend.open().close()

    assert _revision(sql_store_backend.url) == HEAD_REVISION


def test_four_processes_opening_an_empty_database_at_once_all_succeed(sql_store_backend, tmp_path):
    url = sql_store_backend.make_empty_url()

    run_together("tests.store_contract.schema_opener", [[url] for _ in range(4)], tmp_path)

    assert _revision(url) == HEAD_REVISION


def test_the_migrated_schema_is_the_one_the_queries_are_written_against(sql_store_backend):
    engine = create_engine(sql_store_backend.url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            differences = compare_metadata(context, store_schema)
    finally:
        engine.dispose()

    assert differences == []


def test_a_database_migrated_by_a_newer_headwater_is_refused(sql_store_backend):
    url = sql_store_backend.make_empty_url()
    open_store(url).close()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()

    with pytest.raises(ConfigurationError, match="at schema revision '9999', which this version"):
        open_store(url)

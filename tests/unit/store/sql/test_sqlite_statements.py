"""The generated SQLite statements match the Core ones, and store values as SQLAlchemy does."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Boolean, Float, Uuid, create_engine
from sqlalchemy.dialects import sqlite

import headwater.store.sql.recording.methods  # noqa: F401  (names the recording statements)
from headwater.store.sql import schema
from headwater.store.sql.column_types import FastUtcDateTime, JsonValue, UtcDateTime
from headwater.store.sql.driver import DriverConnection
from headwater.store.sql.prepared import STATEMENTS
from headwater.store.sql.sqlite_values import BIND_CONVERTERS, RESULT_CONVERTERS

REPO_ROOT = Path(__file__).resolve().parents[4]
_PARIS = dt.timezone(dt.timedelta(hours=2))
_SAMPLES: dict[str, tuple[Any, list[Any]]] = {
    "uuid": (
        Uuid(),
        [uuid.UUID(int=0), uuid.uuid4(), uuid.UUID("0190d7a2-0000-7000-8000-00000000abcd")],
    ),
    "utc_datetime": (
        UtcDateTime(),
        [
            dt.datetime(2024, 1, 2, 3, 4, 5, 678901, tzinfo=dt.UTC),
            dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=_PARIS),
            dt.datetime(1999, 12, 31, 23, 59, 59),
        ],
    ),
    "json": (
        JsonValue(),
        [{"a": [1, 2.5, "é", None, True]}, [], "text", 3, 0.1, {"nested": {"x": {}}}],
    ),
    "bool": (Boolean(), [True, False]),
    "float": (Float(), [0.1, 3, -2.5, 1e300]),
}


def test_the_generated_module_matches_the_core_statements():
    # In a fresh process: statements this one names at run time are not the module's.
    checked = subprocess.run(
        [sys.executable, "-m", "headwater.store.sql.sqlite_generation", "--check"],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )

    assert checked.returncode == 0, checked.stderr


_UNGENERATED_OF_THE_RECORDING_PATH = """
import json
import headwater.store.sql.recording.methods
import headwater.store.sql.recording.methods  # noqa: F401  (names the recording statements)
from headwater.store.sql.prepared import STATEMENTS
from headwater.store.sql.sqlite_statements import STATEMENTS as GENERATED
print(json.dumps(sorted(set(STATEMENTS) - set(GENERATED))))
"""


def test_every_statement_of_the_recording_path_is_generated():
    found = subprocess.run(
        [sys.executable, "-c", _UNGENERATED_OF_THE_RECORDING_PATH],
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(found.stdout) == []


@pytest.mark.parametrize("kind", sorted(_SAMPLES))
def test_a_bound_value_is_stored_as_sqlalchemy_stores_it(kind):
    type_, values = _SAMPLES[kind]
    dialect = sqlite.dialect()
    theirs = type_.dialect_impl(dialect).bind_processor(dialect)
    ours = BIND_CONVERTERS[kind]

    assert ours is not None
    assert [ours(value) for value in values] == [theirs(value) for value in values]


@pytest.mark.parametrize("kind", sorted(_SAMPLES))
def test_a_stored_value_is_read_as_sqlalchemy_reads_it(kind):
    type_, values = _SAMPLES[kind]
    dialect = sqlite.dialect()
    impl = type_.dialect_impl(dialect)
    stored = [impl.bind_processor(dialect)(value) for value in values]
    theirs = impl.result_processor(dialect, None)
    ours = RESULT_CONVERTERS[kind]

    read = [value if ours is None else ours(value) for value in stored]

    assert read == [value if theirs is None else theirs(value) for value in stored]


def test_a_fast_datetime_is_read_as_a_utc_datetime():
    dialect = sqlite.dialect()
    stored = (
        UtcDateTime()
        .dialect_impl(dialect)
        .bind_processor(dialect)(dt.datetime(2024, 5, 6, 7, 8, 9, 10, tzinfo=_PARIS))
    )
    theirs = FastUtcDateTime().dialect_impl(dialect).result_processor(dialect, None)

    assert RESULT_CONVERTERS["fast_utc_datetime"](stored) == theirs(stored)


def _step_run_values() -> dict[str, Any]:
    return {
        "id": uuid.uuid4(),
        "run_id": uuid.uuid4(),
        "name": "tränkle",
        "status": "running",
        "created": dt.datetime(2024, 1, 2, 3, 4, 5, 6, tzinfo=_PARIS),
        "started": dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        "ended": None,
        "cache_key": "k" * 64,
        "cache_components": {"source": "abc", "parameters": {"n": 1.5, "s": "é"}},
        "parameters": {"n": 3, "flags": [True, None]},
        "source_code": "def f():\n    return 1\n",
        "original_step_run_id": None,
        "log_uri": "/tmp/log",
        "cpu_seconds": 0.25,
        "peak_memory_bytes": 2**40,
        "exception": None,
    }


def _raw_rows(path: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT * FROM step_runs").fetchall()


def test_rows_written_by_the_generated_statement_are_byte_identical_to_core(tmp_path):
    values = _step_run_values()
    core_path, generated_path = str(tmp_path / "core.db"), str(tmp_path / "generated.db")
    for path in (core_path, generated_path):
        engine = create_engine(f"sqlite:///{path}")
        schema.step_runs.create(engine)
        engine.dispose()
    engine = create_engine(f"sqlite:///{core_path}")
    with engine.begin() as connection:
        connection.execute(schema.step_runs.insert(), values)
    engine.dispose()
    driver = sqlite3.connect(generated_path, isolation_level=None)
    executor = DriverConnection(dialect_name="sqlite", connection=driver, driver=sqlite3)

    STATEMENTS["steps.insert.step_runs"].execute(executor, values)
    driver.close()

    assert _raw_rows(generated_path) == _raw_rows(core_path)


def test_rows_written_by_core_read_back_alike_through_the_generated_statement(tmp_path):
    values = _step_run_values()
    engine = create_engine(f"sqlite:///{tmp_path / 'store.db'}")
    schema.store_schema.create_all(engine)
    with engine.begin() as connection:
        connection.execute(schema.step_runs.insert(), values)
        core_row = connection.execute(schema.step_runs.select()).mappings().one()
    engine.dispose()
    generated = STATEMENTS["steps.finish"]  # RETURNING every column, generated
    driver = sqlite3.connect(str(tmp_path / "store.db"), isolation_level=None)
    executor = DriverConnection(dialect_name="sqlite", connection=driver, driver=sqlite3)

    row = generated.first(
        executor,
        {
            "step_run_id": values["id"],
            "end_status": "completed",
            "end_time": values["created"],
            "used_cpu_seconds": values["cpu_seconds"],
            "used_peak_memory_bytes": values["peak_memory_bytes"],
            "end_exception": None,
        },
    )
    driver.close()

    assert row is not None
    expected = {**dict(core_row), "status": "completed", "ended": core_row["created"]}
    assert {key: row[key] for key in expected} == expected
    assert json.dumps(row["cache_components"]) == json.dumps(values["cache_components"])

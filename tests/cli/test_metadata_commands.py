"""`headwater metadata keys|series` on the terminal, against recorded runs."""

from __future__ import annotations

import pytest

from headwater.session import get_session
from headwater.store.metadata import encode_metadata
from headwater.store.models import MetadataTarget
from tests.store_contract.records import a_run


@pytest.fixture(autouse=True)
def wide_terminal(monkeypatch):
    """Tables wide enough that names are never cut."""
    monkeypatch.setenv("COLUMNS", "200")


def _record(values, pipeline_name="training"):
    store = get_session().store
    for value in values:
        run = store.create_run(a_run(pipeline_name))
        store.add_metadata(MetadataTarget.RUN, run.id, encode_metadata(value))


def test_metadata_keys_lists_each_key_with_its_type_and_count(headwater):
    _record([{"accuracy": 0.9, "optimizer": "adam"}, {"accuracy": 0.8}])

    table = headwater("metadata", "keys")
    as_json = headwater("metadata", "keys", "--resource", "run", "-o", "json")

    assert "accuracy" in table.stdout
    assert "2 metadata keys" in table.stdout
    assert [(k["key"], k["types"], k["count"]) for k in as_json.json()] == [
        ("accuracy", ["float"], 2),
        ("optimizer", ["str"], 1),
    ]


def test_metadata_series_prints_a_keys_values_as_csv(headwater):
    _record([{"accuracy": 0.5}, {"accuracy": 0.75}])

    result = headwater("metadata", "series", "accuracy", "--pipeline", "training", "-o", "csv")

    lines = result.stdout.splitlines()
    assert lines[0] == "time,group,entity_name,value,text,min,max,count,run_id"
    assert [line.split(",")[1:4] for line in lines[1:]] == [
        ["training", "training-1", "0.5"],
        ["training", "training-2", "0.75"],
    ]


def test_an_unknown_resource_is_one_error_line(headwater):
    result = headwater("metadata", "keys", "--resource", "job")

    assert result.exit_code == 1
    assert result.stderr.startswith("Error: There is no resource 'job' with metadata.")
    assert result.stderr.count("\n") == 1


def test_runs_list_where_filters_by_a_metadata_expression(headwater):
    _record([{"accuracy": 0.95}, {"accuracy": 0.5}, {"loss": 0.2}])

    result = headwater("runs", "list", "--where", "accuracy > 0.9 or exists(loss)", "-o", "json")

    assert sorted(run["name"] for run in result.json()["items"]) == ["training-1", "training-3"]


def test_a_bad_where_is_one_error_line_naming_the_column(headwater):
    result = headwater("runs", "list", "--where", "accuracy >> 1")

    assert result.exit_code == 1
    assert result.stderr.startswith("Error: Cannot read the filter 'accuracy >> 1' at column 11")
    assert result.stderr.count("\n") == 1

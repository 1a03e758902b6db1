"""`Client.compare_runs` and `headwater runs compare` over a real sweep of runs."""

from __future__ import annotations

import csv
import io
import json

import pytest

from headwater import Client
from headwater.comparison import MISSING, RowGroup, find_runs
from headwater.errors import ComparisonError, EntityNotFoundError
from headwater.session import get_session
from tests.pipelines.sweep import sweep


@pytest.fixture
def three_runs():
    """Three runs of one pipeline: two learning rates with adam, one with sgd."""
    return [
        sweep(learning_rate=0.1),
        sweep(learning_rate=0.15),
        sweep(learning_rate=0.1, optimizer="sgd"),
    ]


def test_parameters_and_metadata_line_up_with_deltas_against_the_baseline(three_runs):
    comparison = Client().compare_runs(three_runs, baseline=three_runs[0])

    rate = comparison.row("train.learning_rate", RowGroup.PARAMETERS)
    accuracy = comparison.row("train.accuracy", RowGroup.STEP_METADATA)
    assert [r.name for r in comparison.runs] == [r.name for r in three_runs]
    assert rate.values == (0.1, 0.15, 0.1)
    assert rate.differs
    assert accuracy.values == (0.9, 0.95, 0.9)
    delta = accuracy.delta(1, comparison.baseline)
    assert delta is not None
    assert delta.absolute == pytest.approx(0.05)
    assert delta.percent == pytest.approx(5.5556, rel=1e-3)
    assert accuracy.delta(2, comparison.baseline) is None  # equal to the baseline
    assert comparison.row("train.optimizer").delta(2, 0).absolute is None  # changed, no number


def test_a_key_only_some_runs_have_keeps_every_run_with_missing_values(three_runs):
    comparison = Client().compare_runs(three_runs)

    momentum = comparison.row("train.momentum", RowGroup.STEP_METADATA)

    assert momentum.values == (MISSING, MISSING, 0.9)
    assert momentum.differs


def test_differences_keep_only_rows_that_differ(three_runs):
    comparison = Client().compare_runs(three_runs)

    differing = comparison.differences()

    keys = {row.key for row in differing.rows}
    assert {"train.learning_rate", "train.optimizer", "train.accuracy"} <= keys
    assert "orchestrator" not in keys  # every run used the local orchestrator
    assert "load.rows" not in keys
    assert all(row.differs for row in differing.rows)
    assert len(differing.rows) < len(comparison.rows)
    assert comparison.row("load.output", RowGroup.OUTPUTS).differs is False  # same bytes


def test_csv_json_and_dataframe_carry_the_same_table(three_runs, tmp_path):
    comparison = Client().compare_runs(three_runs).differences()

    path = tmp_path / "sweep.csv"
    text = comparison.to_csv(str(path))
    rows = list(csv.reader(io.StringIO(text)))
    body = json.loads(comparison.to_json())
    frame = comparison.to_dataframe()

    assert path.read_text(encoding="utf-8") == text
    assert rows[0] == ["group", "key", *(r.name for r in three_runs)]
    assert ["step metadata", "train.momentum", "", "", "0.9"] in rows
    assert len(rows) == len(comparison.rows) + 1
    assert body["baseline"] == str(three_runs[0].id)
    assert [row["key"] for row in body["rows"]] == [row.key for row in comparison.rows]
    momentum = next(row for row in body["rows"] if row["key"] == "train.momentum")
    assert momentum["values"] == [None, None, 0.9]
    assert frame.shape == (len(comparison.rows), 3)
    assert frame.loc[("parameters", "train.learning_rate")].tolist() == [0.1, 0.15, 0.1]


def test_runs_are_taken_by_name_id_or_response(three_runs):
    by_name = Client().compare_runs([three_runs[0].name, str(three_runs[1].id)])

    assert [r.id for r in by_name.runs] == [str(three_runs[0].id), str(three_runs[1].id)]


def test_runs_found_together_keep_the_order_and_spelling_they_were_given(three_runs):
    first, second, third = three_runs
    store = get_session().store
    refs = [third.name, str(first.id).upper(), second.name]

    found = find_runs(store, refs)

    assert [run.id for run in found] == [third.id, first.id, second.id]
    with pytest.raises(EntityNotFoundError, match="no-such-run"):
        find_runs(store, [first.name, "no-such-run"])


@pytest.mark.parametrize(
    ("picked", "message"),
    [([0], "Compare 2 to 500 runs at a time; 1 were given"), ([0, 0], "given more than once")],
)
def test_too_few_runs_or_one_twice_is_refused(three_runs, picked, message):
    with pytest.raises(ComparisonError, match=message):
        Client().compare_runs([three_runs[i] for i in picked])


def test_a_baseline_outside_the_runs_or_an_unknown_run_is_refused(three_runs):
    with pytest.raises(ComparisonError, match="not one of the compared runs"):
        Client().compare_runs(three_runs[:2], baseline=three_runs[2])
    with pytest.raises(EntityNotFoundError, match="no-such-run"):
        Client().compare_runs([three_runs[0], "no-such-run"])

"""The comparison table's JSON answer agrees with its cell-by-cell model."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from headwater.comparison import MISSING, ComparisonRow, RowGroup, RunColumn, RunComparison

CELLS = st.one_of(
    st.just(MISSING),
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["adam", "sgd"]),
    st.lists(st.integers(0, 2), max_size=2),
)


@given(values=st.lists(CELLS, min_size=2, max_size=6), data=st.data())
def test_every_records_delta_is_the_rows_own(values, data):
    baseline = data.draw(st.integers(0, len(values) - 1))
    row = ComparisonRow(RowGroup.METADATA, "k", tuple(values))
    runs = tuple(RunColumn(str(i), f"run-{i}", "p") for i in range(len(values)))
    comparison = RunComparison(runs, (row,), baseline)

    (record,) = comparison.to_records()

    expected = [row.delta(i, baseline) for i in range(len(values))]
    assert record["deltas"] == [
        None if d is None else {"absolute": d.absolute, "percent": d.percent} for d in expected
    ]
    assert record["differs"] is row.differs


@given(value=CELLS, count=st.integers(2, 6), data=st.data())
def test_a_row_of_one_value_in_every_run_records_as_its_cells_do(value, count, data):
    baseline = data.draw(st.integers(0, count - 1))
    row = ComparisonRow(RowGroup.METADATA, "k", (value,) * count)
    runs = tuple(RunColumn(str(i), f"run-{i}", "p") for i in range(count))
    comparison = RunComparison(runs, (row,), baseline)

    (record,) = comparison.to_records()

    assert record["differs"] is row.differs
    assert record["deltas"] == [
        None if row.delta(i, baseline) is None else {"absolute": None, "percent": None}
        for i in range(count)
    ]
    assert record["values"] == [None if value is MISSING else _json(value)] * count


def _json(value):
    if (isinstance(value, float) and value != value) or value in (float("inf"), float("-inf")):
        return None
    return value

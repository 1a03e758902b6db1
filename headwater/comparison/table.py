"""A comparison of runs as a table: one row per key, one column per run.

Pure: it is built from runs and their step runs as a comparison reads them
(`ComparedStep`), which `gather.py` reads. Nested values are flattened into dotted keys;
a run without a key keeps its column, with `MISSING` in it, so no run ever drops out of
a row.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from headwater.errors import ComparisonError
from headwater.store.metadata import decode_metadata

if TYPE_CHECKING:
    from headwater.store.compared_steps import ComparedStep
    from headwater.store.models import PipelineRun


class Missing:
    """The value of a key a run does not have (shown empty, never dropped)."""

    _instance: Missing | None = None

    def __new__(cls) -> Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"

    def __bool__(self) -> bool:
        return False


MISSING = Missing()


class RowGroup(StrEnum):
    """What a row describes, in the order the table shows them."""

    RUN = "run"
    PARAMETERS = "parameters"
    METADATA = "metadata"
    STEP_METADATA = "step metadata"
    STEPS = "steps"
    OUTPUTS = "outputs"
    CONFIGURATION = "configuration"


@dataclass(frozen=True, slots=True)
class RunColumn:
    """One compared run."""

    id: str
    name: str
    pipeline_name: str


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """One key across the compared runs; `values[i]` belongs to `runs[i]`."""

    group: RowGroup
    key: str
    values: tuple[Any, ...]

    @property
    def differs(self) -> bool:
        """True when not every run has the same value (a missing value differs)."""
        first = self.values[0]
        return any(not _same(first, value) for value in self.values[1:])

    def delta(self, index: int, baseline: int) -> Delta | None:
        """How `values[index]` differs from the baseline's; None when equal or missing."""
        value, base = self.values[index], self.values[baseline]
        if _same(value, base) or value is MISSING or base is MISSING:
            return None
        if _is_number(value) and _is_number(base):
            change = float(value) - float(base)
            percent = None if base == 0 else 100.0 * change / abs(float(base))
            return Delta(absolute=change, percent=percent)
        return Delta(absolute=None, percent=None)


@dataclass(frozen=True, slots=True)
class Delta:
    """A cell's change against the baseline: numbers get both figures, others neither
    (the value simply changed)."""

    absolute: float | None
    percent: float | None


@dataclass(frozen=True, slots=True)
class RunComparison:
    """Runs side by side: `rows` in group order, then by key; `baseline` indexes `runs`."""

    runs: tuple[RunColumn, ...]
    rows: tuple[ComparisonRow, ...]
    baseline: int = 0

    def differences(self) -> RunComparison:
        """The same comparison with only the rows whose values differ."""
        return RunComparison(self.runs, tuple(r for r in self.rows if r.differs), self.baseline)

    def keeping(self, shown: Iterable[tuple[str, str]]) -> RunComparison:
        """The same comparison with only the `(group, key)` rows in `shown`, in table order
        (what a filtered view of the dashboard shows).

        Raises:
            ComparisonError: a row in `shown` is not in this comparison.
        """
        wanted = set(shown)
        unknown = wanted - {(row.group.value, row.key) for row in self.rows}
        if unknown:
            listed = ", ".join(sorted(f"'{group}: {key}'" for group, key in unknown))
            raise ComparisonError(
                f"These rows are not in the comparison: {listed}. Export only rows it shows."
            )
        kept = tuple(row for row in self.rows if (row.group.value, row.key) in wanted)
        return RunComparison(self.runs, kept, self.baseline)

    def row(self, key: str, group: RowGroup | None = None) -> ComparisonRow:
        """The row of `key` (in `group`, when keys repeat across groups).

        Raises:
            KeyError: no row has that key.
        """
        for row in self.rows:
            if row.key == key and (group is None or row.group is group):
                return row
        raise KeyError(f"No row '{key}' in this comparison; its keys are in `.rows`.")

    def to_records(self, *, with_deltas: bool = True) -> list[dict[str, Any]]:
        """One JSON-ready dict per row: group, key, differs, each run's value and delta
        (`deltas` is None without deltas)."""
        return [_record(row, self.baseline, with_deltas=with_deltas) for row in self.rows]

    def to_body(self, *, with_deltas: bool = True) -> dict[str, Any]:
        """The comparison as JSON-ready data: its runs, baseline and rows.

        Without deltas the body is a quarter of the size: a reader that works deltas out
        itself (the dashboard, against whichever baseline is chosen) asks for none.
        """
        return {
            "runs": [
                {"id": r.id, "name": r.name, "pipeline_name": r.pipeline_name} for r in self.runs
            ],
            "baseline": self.runs[self.baseline].id,
            "rows": self.to_records(with_deltas=with_deltas),
        }

    def to_json(self) -> str:
        """The comparison as JSON: its runs, baseline and rows (missing values are null)."""
        return json.dumps(self.to_body(), indent=2, default=str)

    def to_csv(self, path: str | None = None) -> str:
        """The table as CSV (group, key, then one column per run name); written to `path`
        when given. Missing values are empty cells. Returns the text."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["group", "key", *(run.name for run in self.runs)])
        for row in self.rows:
            writer.writerow([row.group.value, row.key, *(_csv_value(v) for v in row.values)])
        text = buffer.getvalue()
        if path is not None:
            with open(path, "w", encoding="utf-8", newline="") as file:
                file.write(text)
        return text

    def to_dataframe(self) -> Any:
        """The table as a pandas DataFrame indexed by (group, key), a column per run.

        Raises:
            ImportError: pandas is not installed (`pip install pandas`).
        """
        import pandas as pd

        index = pd.MultiIndex.from_tuples(
            [(row.group.value, row.key) for row in self.rows], names=["group", "key"]
        )
        data = [[None if v is MISSING else v for v in row.values] for row in self.rows]
        return pd.DataFrame(data, index=index, columns=[run.name for run in self.runs])


def build_comparison(
    runs: Sequence[PipelineRun], steps: Iterable[ComparedStep], *, baseline: int = 0
) -> RunComparison:
    """Compare `runs`, given their step runs as `read_compared_steps` answers them."""
    table = _Columns(len(runs))
    position = {run.id: index for index, run in enumerate(runs)}
    for index, run in enumerate(runs):
        table.put_run(index, run)
    for step in steps:
        column = position.get(step.run_id)
        if column is not None:
            table.put_step(column, step)
    columns = tuple(RunColumn(str(r.id), r.name, r.pipeline_name) for r in runs)
    return RunComparison(columns, table.rows(), baseline)


class _Columns:
    """The table being built, a column of values per key, each cell `MISSING` until a
    run's value lands in it (a later value of the same run and key replaces it).

    Column by column: the 50,000 cells of 100 runs x 500 keys go straight to their place,
    instead of into a dict per run that every key then looks up 100 times.
    """

    def __init__(self, width: int) -> None:
        self._width = width
        self._groups: dict[RowGroup, dict[str, list[Any]]] = {group: {} for group in RowGroup}

    def put_run(self, index: int, run: PipelineRun) -> None:
        self._put(index, RowGroup.RUN, _run_cells(run))
        self._put(index, RowGroup.METADATA, decode_metadata(run.metadata))
        config = {k: v for k, v in run.config.items() if k != "spec"}
        self._put(index, RowGroup.CONFIGURATION, config)

    def put_step(self, index: int, step: ComparedStep) -> None:
        name = step.name
        self._put(index, RowGroup.PARAMETERS, step.parameters, f"{name}.")
        self._put(index, RowGroup.STEP_METADATA, step.metadata, f"{name}.")
        steps = {
            "status": step.status.value,
            "duration_seconds": step.duration_seconds,
            "cache_hit": step.status.value == "cached",
        }
        self._put(index, RowGroup.STEPS, steps, f"{name}.", is_flat=True)
        self._put(index, RowGroup.OUTPUTS, step.output_hashes, f"{name}.", is_flat=True)

    def rows(self) -> tuple[ComparisonRow, ...]:
        """The rows in group order, then by key."""
        return tuple(
            ComparisonRow(group, key, tuple(columns[key]))
            for group, columns in self._groups.items()
            for key in sorted(columns)
        )

    def _put(
        self,
        index: int,
        group: RowGroup,
        values: Mapping[str, Any],
        prefix: str = "",
        *,
        is_flat: bool = False,
    ) -> None:
        """Put a run's values (nested ones flattened to dotted keys) in their columns."""
        columns = self._groups[group]
        for key, value in values.items():
            dotted = f"{prefix}{key}"
            # Plain values skip the (slow) Mapping check: most of 50,000 cells are numbers.
            is_nested = type(value) not in _LEAF_TYPES and isinstance(value, Mapping)
            if not is_flat and is_nested and value:
                self._put(index, group, value, f"{dotted}.")
                continue
            column = columns.get(dotted)
            if column is None:
                column = columns[dotted] = [MISSING] * self._width
            column[index] = value


def _run_cells(run: PipelineRun) -> dict[str, Any]:
    return {
        "status": run.status.value,
        "duration_seconds": _duration(run.started, run.ended),
        "pipeline_version_id": str(run.pipeline_version_id),
        "orchestrator": run.orchestrator,
        "tags": ", ".join(sorted(run.tags)),
    }


def _duration(started: Any, ended: Any) -> float | None:
    if started is None or ended is None:
        return None
    seconds: float = (ended - started).total_seconds()
    return seconds


def _is_number(value: Any) -> bool:
    # Exact types first: a comparison asks this of every one of its 50,000 cells.
    kind = type(value)
    if kind is float:
        return math.isfinite(value)
    if kind is int:
        return True
    if kind is bool or kind is str or value is None:
        return False
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _record(row: ComparisonRow, baseline: int, *, with_deltas: bool) -> dict[str, Any]:
    values = row.values
    base = values[baseline]
    # Most rows of a sweep hold one value in every run: equal throughout, nothing to say.
    # (`count` compares by identity, then `==`; MISSING equals only itself.)
    if base is not MISSING and values.count(base) == len(values) and _is_plain(base):
        return {
            "group": row.group.value,
            "key": row.key,
            "differs": False,
            "values": list(values),
            "deltas": [None] * len(values) if with_deltas else None,
        }
    return {
        "group": row.group.value,
        "key": row.key,
        "differs": row.differs,
        "values": [v if type(v) in _PLAIN_TYPES else _json_value(v) for v in values],
        "deltas": _json_deltas(values, baseline) if with_deltas else None,
    }


# Values that are JSON as they are (a float may be NaN or infinite, so it is not).
_PLAIN_TYPES = frozenset({str, int, bool, type(None)})
# Values that are never flattened further.
_LEAF_TYPES = _PLAIN_TYPES | {float, list}


def _is_plain(value: Any) -> bool:
    return type(value) in _PLAIN_TYPES or (type(value) is float and math.isfinite(value))


def _same(a: Any, b: Any) -> bool:
    if a is MISSING or b is MISSING:
        return a is b
    if _is_number(a) and _is_number(b):
        return float(a) == float(b)
    return bool(a == b)


def _json_value(value: Any) -> Any:
    if value is MISSING:
        return None
    if isinstance(value, list | tuple):
        return [_json_value(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None  # JSON has no NaN or infinity
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _json_deltas(values: tuple[Any, ...], baseline: int) -> list[dict[str, float | None] | None]:
    # `ComparisonRow.delta` for every cell at once: a comparison has 50,000 of them, so
    # the baseline is looked at once per row instead of once per cell.
    base = values[baseline]
    if base is MISSING:
        return [None] * len(values)
    base_number = float(base) if _is_number(base) else None
    changed = {"absolute": None, "percent": None}
    deltas: list[dict[str, float | None] | None] = []
    for value in values:
        if value is MISSING:
            deltas.append(None)
        elif base_number is not None and _is_number(value):
            change = float(value) - base_number
            if change == 0:
                deltas.append(None)
            else:
                percent = None if base_number == 0 else 100.0 * change / abs(base_number)
                deltas.append({"absolute": change, "percent": percent})
        else:
            deltas.append(None if bool(value == base) else dict(changed))
    return deltas


def _csv_value(value: Any) -> str:
    if value is MISSING or value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, default=str)
    return str(value)

"""The step runs of compared runs, read narrowly: what a comparison shows, as plain values.

Three reads: the step runs and their outputs' content hashes (a few hundred rows, one
query each), then the step metadata of each run (tens of thousands of rows, one prepared
statement per run, on the driver's cursor).

Metadata values come from the typed copies `metadata_entries` keeps for filtering
(`value_number`, `value_text`) wherever those hold them exactly, and from the JSON value
only elsewhere: PostgreSQL's driver parses each `jsonb` value on its own, which took a
comparison of 100 runs x 500 keys 100 ms of its read (issue 11). The copies are written
by `metadata_entries.metadata_rows`, so what they hold is known: a number for int, float,
storage size and bool (None for a non-finite float or an int too large for a float), the
text for string, URI, path and datetime.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, bindparam, case, null, or_, select

from headwater.metadata_types import Path, StorageSize, Uri
from headwater.store.compared_steps import ComparedStep
from headwater.store.metadata import decode_json_value, parse_datetime_text
from headwater.store.models import ExecutionStatus, MetadataTarget, MetadataType
from headwater.store.sql.compiling import one_of
from headwater.store.sql.prepared import PreparedStatement
from headwater.store.sql.schema import (
    artifact_versions,
    metadata_entries,
    step_run_outputs,
    step_runs,
)

if TYPE_CHECKING:
    from sqlalchemy import BindParameter
    from sqlalchemy.engine import Connection

_entries = metadata_entries.c
# Below 2**53 every integer is exactly a float, so `value_number` holds it exactly.
_EXACT_INTEGERS = 2**53
_FROM_NUMBER: dict[str, Callable[[float], Any]] = {
    MetadataType.INT: int,
    MetadataType.STORAGE_SIZE: lambda number: StorageSize(int(number)),
    MetadataType.FLOAT: float,
    MetadataType.BOOL: bool,
}
_FROM_TEXT: dict[str, Callable[[str], Any]] = {
    MetadataType.STRING: str,
    MetadataType.URI: Uri,
    MetadataType.PATH: Path,
    MetadataType.DATETIME: parse_datetime_text,
}
_INTEGER_TYPES = [MetadataType.INT.value, MetadataType.STORAGE_SIZE.value]
_FLOAT_TYPES = [MetadataType.FLOAT.value, MetadataType.BOOL.value]
_is_held_by_copies = or_(
    one_of(_entries.type, list(_FROM_TEXT)),
    and_(one_of(_entries.type, _FLOAT_TYPES), _entries.value_number.is_not(None)),
    and_(
        one_of(_entries.type, _INTEGER_TYPES),
        _entries.value_number > -_EXACT_INTEGERS,
        _entries.value_number < _EXACT_INTEGERS,
    ),
)
_SELECT_METADATA_OF_RUN = PreparedStatement(
    select(
        _entries.target_id,
        _entries.key,
        _entries.type,
        _entries.value_number,
        _entries.value_text,
        case((_is_held_by_copies, null()), else_=_entries.value),
    )
    # IN (the run's step runs), not a join: SQLite would walk every step run's entries.
    .where(
        _entries.target_kind == MetadataTarget.STEP_RUN.value,
        _entries.target_id.in_(
            select(step_runs.c.id).where(step_runs.c.run_id == bindparam("run_id"))
        ),
    )
)
_run_ids: BindParameter[uuid.UUID] = bindparam("run_ids", expanding=True)
_SELECT_STEPS = (
    select(
        step_runs.c.id,
        step_runs.c.run_id,
        step_runs.c.name,
        step_runs.c.status,
        step_runs.c.started,
        step_runs.c.ended,
        step_runs.c.parameters,
    )
    .where(step_runs.c.run_id.in_(_run_ids))
    .order_by(step_runs.c.created, step_runs.c.id)
)
_SELECT_OUTPUT_HASHES = (
    select(
        step_run_outputs.c.step_run_id, step_run_outputs.c.name, artifact_versions.c.content_hash
    )
    .select_from(
        step_run_outputs.join(step_runs, step_runs.c.id == step_run_outputs.c.step_run_id).join(
            artifact_versions, artifact_versions.c.id == step_run_outputs.c.artifact_version_id
        )
    )
    .where(step_runs.c.run_id.in_(_run_ids))
    .order_by(step_run_outputs.c.step_run_id, step_run_outputs.c.position)
)


def read_compared_steps(connection: Connection, run_ids: Sequence[uuid.UUID]) -> list[ComparedStep]:
    """The step runs of `run_ids`, oldest first, as `Store.read_compared_steps` says."""
    if not run_ids:
        return []
    ids = list(dict.fromkeys(run_ids))
    steps = connection.execute(_SELECT_STEPS, {"run_ids": ids}).all()
    hashes: dict[uuid.UUID, dict[str, str]] = {step.id: {} for step in steps}
    for step_run_id, name, content_hash in connection.execute(
        _SELECT_OUTPUT_HASHES, {"run_ids": ids}
    ):
        hashes[step_run_id][name] = content_hash
    metadata = _metadata_of(connection, ids, {step.id: {} for step in steps})
    return [
        ComparedStep(
            run_id=step.run_id,
            name=step.name,
            status=ExecutionStatus(step.status),
            duration_seconds=None
            if step.started is None or step.ended is None
            else (step.ended - step.started).total_seconds(),
            parameters=step.parameters,
            metadata=dict(sorted(metadata[step.id].items())),
            output_hashes=hashes[step.id],
        )
        for step in steps
    ]


def _metadata_of(
    connection: Connection, run_ids: list[uuid.UUID], found: dict[uuid.UUID, dict[str, Any]]
) -> dict[uuid.UUID, dict[str, Any]]:
    """`found` (step run id -> {}) filled with each step run's decoded metadata values."""
    from_number, from_text = _FROM_NUMBER, _FROM_TEXT
    for run_id in run_ids:
        rows = _SELECT_METADATA_OF_RUN.execute_tuples(connection, {"run_id": run_id})
        # A step run's rows come together, with one id object (`execute_tuples`), so the
        # dict is looked up again only when the id changes: hashing a UUID is Python code.
        current_id: uuid.UUID | None = None
        values: dict[str, Any] = {}
        for step_run_id, key, kind, number, text, value in rows:
            if step_run_id is not current_id:
                current_id, values = step_run_id, found[step_run_id]
            # The branches are the whole decoding of 50,000 values.
            if value is not None:
                values[key] = decode_json_value(MetadataType(kind), value)
            elif number is not None:
                values[key] = from_number[kind](number)
            else:
                values[key] = from_text[kind](text)
    return found

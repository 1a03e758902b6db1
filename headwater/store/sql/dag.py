"""The run DAG in four queries whatever the run's size: steps, edges, artifacts, run."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import literal, select, union_all

from headwater.store.dag import DagArtifact, DagEdge, DagStep, EdgeKind, RunDag
from headwater.store.models import ExecutionStatus
from headwater.store.sql import runs
from headwater.store.sql.schema import (
    artifact_versions,
    artifacts,
    step_run_inputs,
    step_run_outputs,
    step_runs,
)

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection


def _links_of_run(run_id: uuid.UUID) -> Any:
    """Input and output links of every step run of the run, as one UNION."""
    parts = []
    for kind, table in ((EdgeKind.INPUT, step_run_inputs), (EdgeKind.OUTPUT, step_run_outputs)):
        parts.append(
            select(
                literal(kind.value).label("kind"),
                table.c.step_run_id,
                table.c.artifact_version_id,
                table.c.name,
                table.c.position,
            )
            .join(step_runs, step_runs.c.id == table.c.step_run_id)
            .where(step_runs.c.run_id == run_id)
        )
    return union_all(*parts)


def get_run_dag(connection: Connection, run_id: uuid.UUID) -> RunDag:
    """A run's DAG: one query each for the run, its steps, its links and its artifacts.

    Raises:
        EntityNotFoundError: there is no run with that id.
    """
    run = runs.get_run(connection, run_id)
    steps = _steps(connection, run.id)
    links = connection.execute(_links_of_run(run.id)).all()
    # Rows straight from our own tables: built without re-validating 10,000s of fields.
    edges = tuple(
        DagEdge.model_construct(
            kind=EdgeKind(row.kind),
            step_run_id=row.step_run_id,
            artifact_version_id=row.artifact_version_id,
            name=row.name,
        )
        for row in sorted(links, key=lambda r: (r.kind, r.position, r.name))
    )
    return RunDag.model_construct(
        run=run, steps=steps, artifacts=_artifacts(connection, run.id), edges=edges
    )


def _steps(connection: Connection, run_id: uuid.UUID) -> tuple[DagStep, ...]:
    c = step_runs.c
    rows = connection.execute(
        select(
            c.id,
            c.name,
            c.status,
            c.created,
            c.started,
            c.ended,
            c.cache_key,
            c.original_step_run_id,
            c.cpu_seconds,
            c.peak_memory_bytes,
        )
        .where(c.run_id == run_id)
        .order_by(c.created, c.id)
    )
    # Rows straight from our own tables: built without re-validating 10,000s of fields.
    fields = tuple(DagStep.model_fields)
    steps = []
    for row in rows:
        values = dict(zip(fields, row, strict=True))
        values["status"] = ExecutionStatus(values["status"])
        steps.append(DagStep.model_construct(**values))
    return tuple(steps)


def _artifacts(connection: Connection, run_id: uuid.UUID) -> tuple[DagArtifact, ...]:
    linked = _links_of_run(run_id).subquery()
    c = artifact_versions.c
    rows = connection.execute(
        select(
            c.id,
            artifacts.c.name.label("artifact_name"),
            c.version,
            c.data_type,
            c.size_bytes,
            c.content_hash,
            c.producer_step_run_id,
        )
        .join(artifacts, artifacts.c.id == c.artifact_id)
        .where(c.id.in_(select(linked.c.artifact_version_id)))
        .order_by(c.created, c.id)
    )
    fields = tuple(DagArtifact.model_fields)
    return tuple(DagArtifact.model_construct(**dict(zip(fields, row, strict=True))) for row in rows)

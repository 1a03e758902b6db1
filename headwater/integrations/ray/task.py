"""The body of a step's Ray task: execute one step in a Ray worker, from ids and URLs.

It does what `python -m headwater.worker` does (see `runner/orchestrators/base.py`) in a
Ray worker, and reports back only how it ended and where it ran: inputs and outputs
move through the artifact store, never through Ray's object store.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from headwater.artifacts.artifact_store import ArtifactStore
from headwater.errors import HeadwaterError, StepExecutionError
from headwater.integrations.ray.connection import WorkerConnection
from headwater.responses.models import step_model_view
from headwater.runner.entrypoint import execute_step_by_ids

if TYPE_CHECKING:
    from headwater.store.base import Store


@dataclass(frozen=True, slots=True)
class StepTask:
    """All a worker is sent: the run, the step and how to reach the stores."""

    run_id: str
    step_name: str
    connection: WorkerConnection


@dataclass(frozen=True, slots=True)
class WorkerReport:
    """How a step's task ended, and where it ran (for the step run's metadata)."""

    node_address: str
    node_id: str
    pid: int
    task_id: str
    # The step raised: its traceback is recorded on its step run.
    step_raised: bool = False
    # The worker could not execute the step (its code does not import, say).
    error: str | None = None


# A worker runs many steps: it opens each run's stores once (a connection pool and a
# schema check per step would cost more than a trivial step itself).
_opened: dict[WorkerConnection, Store] = {}


def execute_step_task(task: StepTask) -> WorkerReport:
    """Execute the step in this Ray worker; never raises for a step's own failure."""
    where = _where_this_runs()
    store = _opened.get(task.connection)
    if store is None:
        store = _opened[task.connection] = task.connection.open_store()
    try:
        artifact_store = ArtifactStore(task.connection.artifact_store_url)
        execute_step_by_ids(
            uuid.UUID(task.run_id),
            task.step_name,
            store=store,
            artifact_store=artifact_store,
            model_view=step_model_view(store, artifact_store),
        )
    except StepExecutionError:
        return _ended(where, step_raised=True)
    except HeadwaterError as exc:
        return _ended(where, error=str(exc))
    return where


def _where_this_runs() -> WorkerReport:
    import ray

    context = ray.get_runtime_context()
    return WorkerReport(
        # Ray's helper is untyped; it answers this node's address as a string.
        node_address=ray.util.get_node_ip_address(),  # type: ignore[no-untyped-call]
        node_id=context.get_node_id(),
        pid=os.getpid(),
        task_id=context.get_task_id() or "",
    )


def _ended(
    where: WorkerReport, *, step_raised: bool = False, error: str | None = None
) -> WorkerReport:
    return WorkerReport(
        node_address=where.node_address,
        node_id=where.node_id,
        pid=where.pid,
        task_id=where.task_id,
        step_raised=step_raised,
        error=error,
    )

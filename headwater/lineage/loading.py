"""Reading what a run's lineage picture needs from the metadata store, in a few queries."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from headwater.errors import EntityNotFoundError
from headwater.lineage.graph import LineageGraph, RunLineage, build_lineage_graph
from headwater.store.filters import ListQuery

if TYPE_CHECKING:
    from headwater.store.base import Store

# Large enough for any real pipeline's steps in one query.
_ALL_STEPS = 10_000


def load_run_lineage(store: Store, run_id_or_name: uuid.UUID | str) -> RunLineage:
    """The run, its step runs, every artifact version they touch, and who made those.

    Raises:
        EntityNotFoundError: no run has that id or name.
    """
    run = store.get_run(run_id_or_name)
    step_runs = store.list_step_runs(
        ListQuery(filters={"run_id": str(run.id)}, sort_by="asc:created", size=_ALL_STEPS)
    ).items
    version_ids = {vid for s in step_runs for vid in (*s.inputs.values(), *s.outputs.values())}
    artifacts = store.get_artifact_versions(list(version_ids))
    own_steps = {s.id for s in step_runs}
    producers: dict[uuid.UUID, str] = {}
    for version in artifacts.values():
        producer_id = version.producer_step_run_id
        if producer_id is None or producer_id in own_steps or producer_id in producers:
            continue
        producers[producer_id] = _describe_producer(store, producer_id)
    return RunLineage(run, step_runs, artifacts, producers)


def load_lineage_graph(store: Store, run_id_or_name: uuid.UUID | str) -> LineageGraph:
    """The lineage graph of one run, read fresh from the store."""
    return build_lineage_graph(load_run_lineage(store, run_id_or_name))


def _describe_producer(store: Store, step_run_id: uuid.UUID) -> str:
    try:
        step_run = store.get_step_run(step_run_id)
        run = store.get_run(step_run.run_id)
    except EntityNotFoundError:
        return f"step run {step_run_id} (deleted)"
    return f"{step_run.name} (run {run.name})"

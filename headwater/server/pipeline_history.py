"""A pipeline's versions with what each changed: the answer of GET /pipelines/{id}/versions.

Each version is compared with the one numbered before it (fetched too when it is on
another page). Parameters come from each version's latest run; a page costs three store
queries whatever its size.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from headwater.server.schemas import PipelineVersionChanges
from headwater.store.filters import ListQuery
from headwater.store.pipeline_changes import compare_structures, list_edges, list_steps
from headwater.store.pipeline_changes import read_step_parameters as read_parameters

if TYPE_CHECKING:
    from headwater.store.base import Store
    from headwater.store.models import PipelineVersionSummary

# Version id -> step name -> parameters, as the version's latest run was given them.
_Parameters = dict[uuid.UUID, dict[str, Mapping[str, Any]]]


def describe_versions(
    store: Store, pipeline_id: uuid.UUID, summaries: Sequence[PipelineVersionSummary]
) -> list[PipelineVersionChanges]:
    """The versions of one pipeline, each with its changes against the one before."""
    by_number = {s.version.version: s for s in summaries}
    missing = sorted({s.version.version - 1 for s in summaries} - set(by_number) - {0})
    if missing:
        numbers = ",".join(str(n) for n in missing)
        earlier = store.list_pipeline_versions(
            ListQuery(
                filters={"pipeline_id": str(pipeline_id), "version": f"oneof:[{numbers}]"},
                size=len(missing),
            )
        )
        by_number.update({s.version.version: s for s in earlier.items})
    parameters = _latest_parameters(store, by_number.values())
    return [_describe(s, by_number.get(s.version.version - 1), parameters) for s in summaries]


def _latest_parameters(store: Store, summaries: Iterable[PipelineVersionSummary]) -> _Parameters:
    versions_by_run = {s.last_run.id: s.version.id for s in summaries if s.last_run}
    if not versions_by_run:
        return {}
    ids = ",".join(str(run_id) for run_id in versions_by_run)
    runs = store.list_runs(ListQuery(filters={"id": f"oneof:[{ids}]"}, size=len(versions_by_run)))
    return {versions_by_run[run.id]: read_parameters(run.config) for run in runs.items}


def _describe(
    summary: PipelineVersionSummary,
    previous: PipelineVersionSummary | None,
    parameters: _Parameters,
) -> PipelineVersionChanges:
    version = summary.version
    changes = None
    if previous is not None:
        changes = compare_structures(
            previous.version.spec,
            version.spec,
            parameters_before=parameters.get(previous.version.id),
            parameters_after=parameters.get(version.id),
        )
    return PipelineVersionChanges(
        id=version.id,
        version=version.version,
        spec_hash=version.spec_hash,
        created=version.created,
        run_count=summary.run_count,
        first_run=summary.first_run,
        last_run=summary.last_run,
        step_count=len(list_steps(version.spec)),
        edge_count=len(list_edges(version.spec)),
        previous_version=None if previous is None else previous.version.version,
        changes=changes,
    )

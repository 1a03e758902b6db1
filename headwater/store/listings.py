"""Each listable entity, declared once: the fields it filters by and how it sorts.

A declaration is a `TypedDict` of filters (field name -> filter string such as
`"completed"`, `"gte:0.9"` or `"oneof:[a,b]"`; a list where a field may repeat) with the
fields it sorts by and its default order. Everything else follows from it:

- the SQL listing maps each declared field to a column, and refuses to build when the
  two differ (`store/sql/filtering.py`);
- the server's list parameters, and so the OpenAPI schema and the dashboard's generated
  types, are made from it (`server/listing.py`);
- the REST store sends a query's filters as they are;
- the Client's keyword arguments are the `TypedDict` (`**filters: Unpack[RunFilters]`).

Adding a filter field is a line here and a column in the SQL listing.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import TypedDict

# A filter string ("completed", "gte:0.9", "oneof:[a,b]"); None leaves the field unfiltered.
Filter = str | None


class PipelineFilters(TypedDict, total=False):
    """Filters of a list of pipelines."""

    id: Filter
    name: Filter
    project_id: Filter
    created: Filter


class PipelineVersionFilters(TypedDict, total=False):
    """Filters of a list of pipeline versions."""

    id: Filter
    pipeline_id: Filter
    version: Filter
    spec_hash: Filter
    created: Filter


class RunFilters(TypedDict, total=False):
    """Filters of a list of runs."""

    id: Filter
    name: Filter
    pipeline_id: Filter
    pipeline_version_id: Filter
    pipeline_name: Filter
    project_id: Filter
    user_id: Filter
    user_name: Filter
    status: Filter
    # Repeatable: `created=gte:2026-01-01&created=lt:2026-02-01` must both hold.
    created: Filter | list[str]
    started: Filter
    ended: Filter
    tag: Filter
    orchestrator: Filter


class StepRunFilters(TypedDict, total=False):
    """Filters of a list of step runs."""

    id: Filter
    run_id: Filter
    name: Filter
    status: Filter
    cache_key: Filter
    # The step run whose outputs a cached step run reuses.
    original_step_run_id: Filter
    peak_memory_bytes: Filter
    created: Filter
    started: Filter
    ended: Filter
    # Only step runs that read this artifact version.
    input_artifact_version_id: Filter


class ArtifactVersionFilters(TypedDict, total=False):
    """Filters of a list of artifact versions."""

    id: Filter
    artifact_id: Filter
    artifact_name: Filter
    version: Filter
    content_hash: Filter
    uri: Filter
    size_bytes: Filter
    producer_step_run_id: Filter
    data_type: Filter
    materializer: Filter
    created: Filter
    tag: Filter


@dataclass(frozen=True, slots=True)
class EntityListing:
    """How one entity is listed: its filters, the fields it sorts by, its default order."""

    entity: str
    filters: type
    sortable: frozenset[str]
    default_sort: str = "desc:created"
    # Whether its items carry metadata a list may filter by (`metadata=accuracy:gte:0.9`).
    metadata: bool = False

    @property
    def fields(self) -> tuple[str, ...]:
        """The names of its filter fields, in declaration order."""
        return tuple(typing.get_type_hints(self.filters))

    def repeatable(self, field: str) -> bool:
        """Whether the field may be given more than once (all must then hold)."""
        hint = typing.get_type_hints(self.filters)[field]
        return isinstance(hint, types.UnionType) and list[str] in typing.get_args(hint)


PIPELINES = EntityListing("pipelines", PipelineFilters, sortable=frozenset({"created", "name"}))
PIPELINE_VERSIONS = EntityListing(
    "pipeline versions",
    PipelineVersionFilters,
    sortable=frozenset({"created", "version"}),
    default_sort="desc:version",
)
RUNS = EntityListing(
    "runs",
    RunFilters,
    sortable=frozenset({"created", "name", "status", "started", "ended", "pipeline_name"}),
    metadata=True,
)
STEP_RUNS = EntityListing(
    "step runs",
    StepRunFilters,
    sortable=frozenset({"created", "name", "status", "started", "ended"}),
)
ARTIFACT_VERSIONS = EntityListing(
    "artifact versions",
    ArtifactVersionFilters,
    sortable=frozenset({"created", "version", "size_bytes", "artifact_name"}),
)

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

from headwater.store.connector_models import ServiceConnectorType
from headwater.store.stack_models import StackComponentType

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
    # The stack the run executed on (its recorded copy keeps the id until the stack goes).
    stack_id: Filter


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


class NamedFilters(TypedDict, total=False):
    """Filters of lists of simply named things: tags, users and projects."""

    id: Filter
    name: Filter
    created: Filter


class ArtifactFilters(TypedDict, total=False):
    """Filters of a list of artifacts (the series of versions saved under one name)."""

    id: Filter
    name: Filter
    project_id: Filter
    created: Filter
    tag: Filter
    # Artifacts with at least one version of this data type (`contains:DataFrame`).
    data_type: Filter


class ModelFilters(TypedDict, total=False):
    """Filters of a list of models."""

    id: Filter
    name: Filter
    created: Filter
    tag: Filter


class ModelVersionFilters(TypedDict, total=False):
    """Filters of a list of model versions."""

    id: Filter
    model_id: Filter
    model_name: Filter
    number: Filter
    name: Filter
    stage: Filter
    created: Filter
    # Only the versions a run made or used.
    run_id: Filter


class StageTransitionFilters(TypedDict, total=False):
    """Filters of a model's stage history."""

    model_id: Filter
    model_name: Filter
    model_version_id: Filter
    version_number: Filter
    from_stage: Filter
    to_stage: Filter
    outcome: Filter
    trigger: Filter
    user_name: Filter
    created: Filter


class ApprovalRequestFilters(TypedDict, total=False):
    """Filters of a list of approval requests."""

    id: Filter
    model_id: Filter
    model_name: Filter
    model_version_id: Filter
    version_number: Filter
    kind: Filter
    to_stage: Filter
    status: Filter
    requested_by: Filter
    created: Filter


class StackComponentFilters(TypedDict, total=False):
    """Filters of a list of stack components."""

    id: Filter
    name: Filter
    type: Filter | StackComponentType
    flavor: Filter
    created: Filter


class StackFilters(TypedDict, total=False):
    """Filters of a list of stacks; `component` is a component's name."""

    id: Filter
    name: Filter
    created: Filter
    component: Filter
    component_id: Filter


class ServiceConnectorFilters(TypedDict, total=False):
    """Filters of a list of service connectors."""

    id: Filter
    name: Filter
    type: Filter | ServiceConnectorType
    created: Filter
    updated: Filter
    created_by: Filter


class AuditEventFilters(TypedDict, total=False):
    """Filters of the audit trail; `created=gte:...` and `lte:...` bound the time."""

    user: Filter
    user_id: Filter
    resource: Filter
    resource_id: Filter
    action: Filter
    operation: Filter
    project_id: Filter
    created: Filter | list[str]


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
ARTIFACTS = EntityListing(
    "artifacts", ArtifactFilters, sortable=frozenset({"created", "name", "size"})
)
TAGS = EntityListing("tags", NamedFilters, sortable=frozenset({"created", "name"}))
USERS = EntityListing("users", NamedFilters, sortable=frozenset({"created", "name"}))
PROJECTS = EntityListing("projects", NamedFilters, sortable=frozenset({"created", "name"}))
MODELS = EntityListing("models", ModelFilters, sortable=frozenset({"created", "name"}))
MODEL_VERSIONS = EntityListing(
    "model versions",
    ModelVersionFilters,
    sortable=frozenset({"created", "name", "number", "stage"}),
)
STAGE_TRANSITIONS = EntityListing(
    "stage transitions", StageTransitionFilters, sortable=frozenset({"created"})
)
APPROVAL_REQUESTS = EntityListing(
    "approval requests", ApprovalRequestFilters, sortable=frozenset({"created"})
)
STACK_COMPONENTS = EntityListing(
    "stack components",
    StackComponentFilters,
    sortable=frozenset({"created", "flavor", "name", "type"}),
)
STACKS = EntityListing("stacks", StackFilters, sortable=frozenset({"created", "name"}))
SERVICE_CONNECTORS = EntityListing(
    "service connectors",
    ServiceConnectorFilters,
    sortable=frozenset({"created", "name", "type", "updated"}),
)
AUDIT_EVENTS = EntityListing(
    "audit events", AuditEventFilters, sortable=frozenset({"created", "id"})
)

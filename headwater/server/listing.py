"""Query parameters of list routes, exactly as the `Client` takes them.

Filters are `"op:value"` strings (`status=oneof:[failed,stopped]`, `created=gte:2026-01-01`),
`sort_by` is `"desc:created"`, and `page`/`size` pick the page. Unknown parameters are
passed to the store, which refuses them with the list of fields that exist (a 400).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from headwater.errors import ApiError
from headwater.store.filter_language import MAX_FILTER_LENGTH
from headwater.store.filters import ListQuery
from headwater.store.listings import (
    APPROVAL_REQUESTS,
    ARTIFACT_VERSIONS,
    ARTIFACTS,
    AUDIT_EVENTS,
    MODEL_VERSIONS,
    MODELS,
    PIPELINE_VERSIONS,
    PIPELINES,
    PROJECTS,
    RUNS,
    SERVICE_CONNECTORS,
    STACK_COMPONENTS,
    STACKS,
    STAGE_TRANSITIONS,
    STEP_RUNS,
    TAGS,
    USERS,
    EntityListing,
)

MAX_PAGE_SIZE = 10_000
_PAGING = frozenset({"sort_by", "page", "size", "metadata", "where"})


class ListParams(BaseModel):
    """Sorting and paging shared by every list route."""

    # Unknown parameters go to the store as filters, which names the fields that exist.
    model_config = ConfigDict(extra="allow")

    sort_by: str = Field("desc:created", description="'asc:<field>' or 'desc:<field>'.")
    page: int = Field(1, ge=1, le=1_000_000, description="Page number, from 1.")
    size: int = Field(20, ge=1, le=MAX_PAGE_SIZE, description="Items per page.")

    def to_query(self) -> ListQuery:
        """The store query these parameters ask for.

        Raises:
            ApiError: a filter value holds a NUL character, which no database stores.
        """
        filters = {
            name: value
            for name, value in self.model_dump().items()
            if name not in _PAGING and value is not None
        }
        extra = dict(self.model_extra or {})
        # A list without a `metadata` field hands it to the store, which says it has none.
        raw_metadata = self.model_dump().get("metadata", extra.pop("metadata", []))
        where = self.model_dump().get("where", extra.pop("where", None))
        filters.update({name: str(value) for name, value in extra.items()})
        metadata = _metadata_filters(
            [raw_metadata] if isinstance(raw_metadata, str) else list(raw_metadata)
        )
        _check_printable({**filters, **metadata, "sort_by": self.sort_by, "where": where})
        return ListQuery(
            filters=filters,
            metadata=metadata,
            where=None if where is None else str(where),
            sort_by=self.sort_by,
            index=self.page,
            size=self.size,
        )


def _metadata_filters(raw: list[str]) -> dict[str, Any]:
    filters: dict[str, Any] = {}
    problems = []
    for item in raw:
        key, separator, value = item.partition(":")
        if not separator or not key:
            problems.append(item)
        else:
            filters[key] = value
    if problems:
        raise ApiError(
            400,
            "bad_filter",
            f"Metadata filters must read 'key:filter', such as 'accuracy:gte:0.9'; got "
            f"{', '.join(repr(p) for p in problems)}.",
        )
    return filters


def _check_printable(values: dict[str, Any]) -> None:
    bad = sorted(name for name, value in values.items() if "\x00" in str(value))
    if bad:
        raise ApiError(
            400,
            "bad_filter",
            f"The parameters {', '.join(repr(b) for b in bad)} contain a NUL character. Remove it.",
        )


def list_params_model(
    listing: EntityListing, *, sort_by: str | None = None, size: int | None = None
) -> type[ListParams]:
    """The query parameters of a list route, made from the entity's one declaration.

    Each declared filter field becomes an optional parameter (a list where the field may
    repeat), so the OpenAPI schema and the dashboard's types always know every field.
    """
    fields: dict[str, Any] = {
        name: (list[str] | None if listing.repeatable(name) else str | None, None)
        for name in listing.fields
    }
    fields["sort_by"] = (
        str,
        Field(sort_by or listing.default_sort, description="'asc:<field>' or 'desc:<field>'."),
    )
    if size is not None:
        fields["size"] = (int, Field(size, ge=1, le=MAX_PAGE_SIZE, description="Items per page."))
    if listing.metadata:
        fields["metadata"] = (
            list[str],
            Field(default_factory=list, description="Metadata filters: 'accuracy:gte:0.9'."),
        )
        fields["where"] = (
            str | None,
            Field(
                None,
                max_length=MAX_FILTER_LENGTH,
                description=(
                    "A metadata filter expression, such as 'accuracy >= 0.9 and "
                    '(optimizer == "adam" or exists(loss))\'; the grammar is in the README.'
                ),
            ),
        )
    name = "".join(word.title() for word in listing.entity.split()) + "ListParams"
    return create_model(
        name, __base__=ListParams, __doc__=f"Filters of {listing.entity}.", **fields
    )


# Type checkers see the base class; FastAPI sees each generated model and lists its fields.
if TYPE_CHECKING:
    ArtifactListParams = ListParams
    TagListParams = ListParams
    UserListParams = ListParams
    ProjectListParams = ListParams
    ModelListParams = ListParams
    ModelVersionListParams = ListParams
    StageTransitionListParams = ListParams
    ApprovalRequestListParams = ListParams
    StackComponentListParams = ListParams
    StackListParams = ListParams
    ServiceConnectorListParams = ListParams
    AuditListParams = ListParams
    PipelineListParams = ListParams
    PipelineVersionListParams = ListParams
    RunListParams = ListParams
    StepRunListParams = ListParams
    RunStepListParams = ListParams
    ArtifactVersionListParams = ListParams
else:
    ArtifactListParams = list_params_model(ARTIFACTS)
    TagListParams = list_params_model(TAGS)
    UserListParams = list_params_model(USERS)
    ProjectListParams = list_params_model(PROJECTS)
    ModelListParams = list_params_model(MODELS)
    ModelVersionListParams = list_params_model(MODEL_VERSIONS)
    StageTransitionListParams = list_params_model(STAGE_TRANSITIONS)
    ApprovalRequestListParams = list_params_model(APPROVAL_REQUESTS)
    StackComponentListParams = list_params_model(STACK_COMPONENTS)
    StackListParams = list_params_model(STACKS)
    ServiceConnectorListParams = list_params_model(SERVICE_CONNECTORS)
    AuditListParams = list_params_model(AUDIT_EVENTS)
    PipelineListParams = list_params_model(PIPELINES)
    PipelineVersionListParams = list_params_model(PIPELINE_VERSIONS)
    RunListParams = list_params_model(RUNS)
    StepRunListParams = list_params_model(STEP_RUNS)
    # The step runs of one run: oldest first, all of them in one page by default.
    RunStepListParams = list_params_model(STEP_RUNS, sort_by="asc:created", size=1000)
    ArtifactVersionListParams = list_params_model(ARTIFACT_VERSIONS)

"""Query parameters of list routes, exactly as the `Client` takes them.

Filters are `"op:value"` strings (`status=oneof:[failed,stopped]`, `created=gte:2026-01-01`),
`sort_by` is `"desc:created"`, and `page`/`size` pick the page. Unknown parameters are
passed to the store, which refuses them with the list of fields that exist (a 400).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from headwater.errors import ApiError
from headwater.store.filters import ListQuery

MAX_PAGE_SIZE = 10_000
_PAGING = frozenset({"sort_by", "page", "size", "metadata"})


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
        filters.update({name: str(value) for name, value in extra.items()})
        metadata = _metadata_filters(
            [raw_metadata] if isinstance(raw_metadata, str) else list(raw_metadata)
        )
        _check_printable({**filters, **metadata, "sort_by": self.sort_by})
        return ListQuery(
            filters=filters,
            metadata=metadata,
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


class PipelineListParams(ListParams):
    """Filters of `list_pipelines`."""

    id: str | None = None
    name: str | None = None
    created: str | None = None


class PipelineVersionListParams(ListParams):
    """Filters of `list_pipeline_versions`; the newest version first by default."""

    sort_by: str = Field("desc:version", description="'asc:<field>' or 'desc:<field>'.")
    id: str | None = None
    pipeline_id: str | None = None
    version: str | None = None
    spec_hash: str | None = None
    created: str | None = None


class RunListParams(ListParams):
    """Filters of `list_runs`; `metadata` filters repeat as `key:filter`."""

    id: str | None = None
    name: str | None = None
    pipeline_id: str | None = None
    pipeline_name: str | None = None
    status: str | None = None
    # Repeatable: `created=gte:2026-01-01&created=lt:2026-02-01` must both hold.
    created: list[str] | None = None
    started: str | None = None
    ended: str | None = None
    tag: str | None = None
    user_name: str | None = None
    orchestrator: str | None = None
    metadata: list[str] = Field(
        default_factory=list, description="Run metadata filters: 'accuracy:gte:0.9'."
    )


class StepRunListParams(ListParams):
    """Filters of `list_step_runs`."""

    id: str | None = None
    run_id: str | None = None
    name: str | None = None
    status: str | None = None
    cache_key: str | None = None
    created: str | None = None
    started: str | None = None
    ended: str | None = None
    input_artifact_version_id: str | None = Field(
        None, description="Only step runs that read this artifact version."
    )


class RunStepListParams(StepRunListParams):
    """Filters of `list_run_steps`: the step runs of one run, oldest first by default."""

    sort_by: str = Field("asc:created", description="'asc:<field>' or 'desc:<field>'.")
    size: int = Field(1000, ge=1, le=MAX_PAGE_SIZE, description="Items per page.")


class ArtifactVersionListParams(ListParams):
    """Filters of `list_artifact_versions`."""

    id: str | None = None
    artifact_id: str | None = None
    artifact_name: str | None = None
    version: str | None = None
    content_hash: str | None = None
    data_type: str | None = None
    materializer: str | None = None
    created: str | None = None
    tag: str | None = None

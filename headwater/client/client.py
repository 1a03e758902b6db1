"""`Client`: read what Headwater remembers, with ZenML's method names.

Example:
    ```python
    from headwater import Client

    run = Client().get_pipeline("training").last_run
    print(run.status, run.steps["train"].outputs["score"].load())
    Client().list_pipeline_runs(status="completed", sort_by="desc:created", size=20)
    ```
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeAlias, Unpack

from headwater.client.access import AccessClientMixin
from headwater.client.catalog import CatalogClientMixin
from headwater.client.metadata import MetadataClientMixin
from headwater.client.model_approvals import ApprovalsClientMixin
from headwater.client.models import ModelsClientMixin
from headwater.client.page import Page
from headwater.client.service_connectors import ServiceConnectorClientMixin
from headwater.client.stacks import StackClientMixin
from headwater.errors import EntityNotFoundError

if TYPE_CHECKING:
    from headwater.comparison import RunComparison
    from headwater.responses import (
        ArtifactVersionResponse,
        PipelineResponse,
        PipelineRunResponse,
        StepRunResponse,
    )
    from headwater.runner.caching import ComponentChange
    from headwater.runner.logs import LogLine
    from headwater.session import Session
    from headwater.store.filters import ListQuery
    from headwater.store.listings import ArtifactVersionFilters, PipelineFilters, RunFilters
    from headwater.store.models import ExecutionStatus, PipelineRun

# A run as the Client takes it: by name or id, or a run already fetched.
RunRef: TypeAlias = "str | uuid.UUID | PipelineRunResponse | PipelineRun"


@dataclass(frozen=True, slots=True)
class CacheExplanation:
    """Why a step run was cached or executed, compared with the nearest earlier run."""

    step_name: str
    status: ExecutionStatus
    reasons: list[str]
    changes: list[ComponentChange]
    baseline_step_run_id: uuid.UUID | None

    def __str__(self) -> str:
        lines = [f"Step '{self.step_name}' was {self.status}:"]
        lines += [f"  - {reason}" for reason in self.reasons]
        return "\n".join(lines)


class Client(
    CatalogClientMixin,
    ModelsClientMixin,
    ApprovalsClientMixin,
    StackClientMixin,
    ServiceConnectorClientMixin,
    AccessClientMixin,
    MetadataClientMixin,
):
    """Reads pipelines, runs, step runs, artifacts and logs from the configured store;
    artifacts, tags, users, projects, deleting and pruning are in `CatalogClientMixin`;
    registers, lists and stages models (see `ModelsClientMixin`), with approvals
    (`ApprovalsClientMixin`); manages stacks and
    their components (see `StackClientMixin`); projects, members, teams, roles and the
    audit trail are in `AccessClientMixin`; the metadata key catalog and a key's series
    are in `MetadataClientMixin`. Runs, pipelines and artifacts are listed from
    the active project (`HEADWATER_PROJECT`, "default" unless set)."""

    def __init__(self, session: Session | None = None) -> None:
        # Opened on first use: importing the Client never loads the stores.
        from headwater.session import get_session

        self._session = session or get_session()

    # --- pipelines ------------------------------------------------------------------

    def get_pipeline(self, name_id_or_prefix: str | uuid.UUID) -> PipelineResponse:
        """Get a pipeline by name or id.

        Raises:
            EntityNotFoundError: no pipeline has that name or id.
        """
        from headwater.responses import PipelineResponse

        return PipelineResponse(self._session.store.get_pipeline(name_id_or_prefix), self._session)

    def list_pipelines(
        self,
        *,
        sort_by: str = "desc:created",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[PipelineFilters],
    ) -> Page[PipelineResponse]:
        """List pipelines; filters such as `name="contains:train"`."""
        from headwater.responses import PipelineResponse

        scoped = self._active_project_filter(dict(filters))
        result = self._session.store.list_pipelines(_query(scoped, {}, sort_by, page, size))
        return Page.of(result, lambda p: PipelineResponse(p, self._session))

    # --- runs -----------------------------------------------------------------------

    def get_pipeline_run(self, name_id_or_prefix: str | uuid.UUID) -> PipelineRunResponse:
        """Get a run by name or id.

        Raises:
            EntityNotFoundError: no run has that name or id.
        """
        from headwater.responses import PipelineRunResponse

        return PipelineRunResponse(self._session.store.get_run(name_id_or_prefix), self._session)

    def list_pipeline_runs(
        self,
        *,
        sort_by: str = "desc:created",
        page: int = 1,
        size: int = 20,
        metadata: dict[str, Any] | None = None,
        where: str | None = None,
        **filters: Unpack[RunFilters],
    ) -> Page[PipelineRunResponse]:
        """List runs, filtered in ZenML's `"op:value"` form.

        Example:
            ```python
            Client().list_pipeline_runs(pipeline_name="training", status="completed",
                                        created="gte:2026-01-01", metadata={"accuracy": "gte:0.9"})
            ```

        Args:
            sort_by: `"desc:created"`, `"asc:name"`, ...
            page: Page number, from 1.
            size: Runs per page.
            metadata: Run metadata key -> filter.
            where: A metadata filter expression, such as
                `'accuracy >= 0.9 and (optimizer == "adam" or exists(step:loss))'`
                (the grammar is in the README).
            **filters: Field -> filter, for any field `RunFilters` declares
                (`store/listings.py`), such as `status`, `user_name` or `stack_id`.

        Raises:
            FilterError: a filter or sort key is malformed or names an unknown field.
        """
        from headwater.responses import PipelineRunResponse

        scoped = self._active_project_filter(dict(filters))
        query = _query(scoped, metadata or {}, sort_by, page, size)
        if where is not None:
            query = query.model_copy(update={"where": where})
        result = self._session.store.list_runs(query)
        return Page.of(result, lambda r: PipelineRunResponse(r, self._session))

    def compare_runs(
        self,
        runs: Sequence[RunRef],
        *,
        baseline: RunRef | None = None,
    ) -> RunComparison:
        """Compare 2 to 500 runs side by side: one row per key, one column per run.

        Rows cover the run (status, duration, pipeline version, orchestrator, tags), step
        parameters, run and step metadata, step status, duration and cache hits, output
        artifact hashes and configuration, nested values flattened to dotted keys. A run
        without a key shows `MISSING` there, never drops out.

        Example:
            ```python
            runs = Client().list_pipeline_runs(pipeline_name="training", size=50).items
            cmp = Client().compare_runs(runs, baseline=runs[0])
            cmp.differences().to_csv("sweep.csv")
            ```

        Args:
            runs: Runs by name, id or response, in the order of the columns.
            baseline: The run deltas are taken against (one of `runs`; the first if None).

        Raises:
            EntityNotFoundError: a name or id names no run.
            ComparisonError: fewer than 2 or more than 500 runs, or one given twice.
        """
        from headwater.comparison import compare_runs, find_runs

        # Names and ids are looked up together: one read, not one per run.
        refs = [str(run) for run in runs if isinstance(run, str | uuid.UUID)]
        by_ref = dict(zip(refs, find_runs(self._session.store, refs), strict=True))
        found = [
            by_ref[str(run)] if isinstance(run, str | uuid.UUID) else self._run_model(run)
            for run in runs
        ]
        base = None if baseline is None else self._run_model(baseline)
        return compare_runs(self._session.store, found, baseline=base)

    def _run_model(self, run: RunRef) -> PipelineRun:
        from headwater.responses import PipelineRunResponse
        from headwater.store.models import PipelineRun

        if isinstance(run, PipelineRunResponse):
            return run.model
        if isinstance(run, PipelineRun):
            return run
        return self._session.store.get_run(run)

    # --- step runs ------------------------------------------------------------------

    def get_run_step(self, step_run_id: uuid.UUID) -> StepRunResponse:
        """Get a step run by id."""
        from headwater.responses import StepRunResponse

        return StepRunResponse(self._session.store.get_step_run(step_run_id), self._session)

    def get_step_logs(
        self,
        run_name_or_id: str | uuid.UUID,
        step_name: str,
        *,
        stream: str | None = None,
        grep: str | None = None,
    ) -> list[LogLine]:
        """The captured log lines of one step of a run, optionally filtered.

        Raises:
            EntityNotFoundError: the run or its step does not exist.
        """
        return self._step_of(run_name_or_id, step_name).logs(stream=stream, grep=grep)

    def explain_cache(self, step_run: StepRunResponse) -> CacheExplanation:
        """Say why a step run was cached, or which cache key components made it rerun."""
        from headwater.store.models import ExecutionStatus

        model = step_run.model
        if model.status is ExecutionStatus.CACHED:
            return CacheExplanation(
                model.name,
                model.status,
                [
                    f"its cache key matched step run {model.original_step_run_id}, whose outputs "
                    f"it reused"
                ],
                [],
                model.original_step_run_id,
            )
        run = self._session.store.get_run(model.run_id)
        baseline = self._session.store.find_previous_step_run(
            model.name, run.pipeline_name, before=model.created
        )
        if baseline is None:
            return CacheExplanation(
                model.name,
                model.status,
                ["it is the first run of this step: there was nothing to reuse"],
                [],
                None,
            )
        from headwater.runner.caching import describe_change, diff_components

        changes = diff_components(baseline.cache_components, model.cache_components)
        reasons = [
            describe_change(c, _parameter_change(c, baseline.parameters, model.parameters))
            for c in changes
        ]
        if not _cache_enabled(run.config, model.name):
            reasons.insert(0, "caching was turned off for this step")
        elif not changes:
            reasons.append("nothing changed, but the earlier outputs were gone, so it ran again")
        return CacheExplanation(model.name, model.status, reasons, changes, baseline.id)

    # --- artifacts ------------------------------------------------------------------

    def get_artifact_version(
        self, name_id_or_prefix: str | uuid.UUID, version: int | str | None = None
    ) -> ArtifactVersionResponse:
        """Get an artifact version by id, or by artifact name and version (newest if
        `version` is None).

        Example:
            ```python
            Client().get_artifact_version("score")        # the newest version
            Client().get_artifact_version("score", 3)
            ```

        Raises:
            EntityNotFoundError: no such artifact version.
        """
        from headwater.responses import ArtifactVersionResponse
        from headwater.store.filters import ListQuery

        store = self._session.store
        artifact_version_id = _as_id(name_id_or_prefix)
        if artifact_version_id is not None and version is None:
            return ArtifactVersionResponse(
                store.get_artifact_version(artifact_version_id), self._session
            )
        artifact = self.get_artifact(name_id_or_prefix)
        if version is None:
            return artifact.latest_version
        page = store.list_artifact_versions(
            ListQuery(filters={"artifact_id": str(artifact.id), "version": str(version)})
        )
        if not page.items:
            raise EntityNotFoundError(
                f"Artifact '{artifact.name}' has no version '{version}'. List its versions "
                f"with `Client().get_artifact('{artifact.name}').versions`."
            )
        return ArtifactVersionResponse(page.items[0], self._session)

    def list_artifact_versions(
        self,
        *,
        sort_by: str = "desc:created",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[ArtifactVersionFilters],
    ) -> Page[ArtifactVersionResponse]:
        """List artifact versions; filters such as `artifact_name="score"`, `tag="eval"`."""
        from headwater.responses import ArtifactVersionResponse

        result = self._session.store.list_artifact_versions(
            _query(dict(filters), {}, sort_by, page, size)
        )
        return Page.of(result, lambda a: ArtifactVersionResponse(a, self._session))

    def _step_of(self, run_name_or_id: str | uuid.UUID, step_name: str) -> StepRunResponse:
        run = self.get_pipeline_run(run_name_or_id)
        step = run.steps.get(step_name)
        if step is None:
            raise EntityNotFoundError(
                f"Run '{run.name}' has no step '{step_name}'. Its steps are "
                f"{', '.join(repr(s) for s in run.steps) or 'none'}."
            )
        return step


def _as_id(name_or_id: str | uuid.UUID) -> uuid.UUID | None:
    if isinstance(name_or_id, uuid.UUID):
        return name_or_id
    try:
        return uuid.UUID(name_or_id)
    except ValueError:
        return None


def _query(
    filters: dict[str, Any], metadata: dict[str, Any], sort_by: str, page: int, size: int
) -> ListQuery:
    from headwater.store.filters import ListQuery

    return ListQuery(
        filters={k: v for k, v in filters.items() if v is not None},
        metadata=metadata,
        sort_by=sort_by,
        index=page,
        size=size,
    )


def _cache_enabled(config: dict[str, Any], step_name: str) -> bool:
    for step in config.get("spec", {}).get("steps", []):
        if step["name"] == step_name:
            return bool(step["enable_cache"])
    return True


def _parameter_change(
    change: ComponentChange, before: dict[str, Any], after: dict[str, Any]
) -> tuple[Any, Any] | None:
    if change.name != "parameters":
        return None
    keys = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    return ({k: before.get(k) for k in keys}, {k: after.get(k) for k in keys})

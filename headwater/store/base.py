"""The store's role protocols, and `Store`, which is all of them.

Each role is what one kind of caller needs: the runner records through a `RunRecorder`,
readers of runs use a `RunReader`, and stacks, models and the catalog have a role each.
Access (`access_store.py`) and logins (`login_store.py`) are roles of their own that only
a server's database keeps. The SQL store (SQLite, PostgreSQL) and the REST store
implement `Store`; one contract test suite (`tests/store_contract`) holds both to it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from collections.abc import Sequence

    from headwater.store.catalog_models import ArtifactPrune, Tag, TagTarget
    from headwater.store.compared_steps import ComparedStep
    from headwater.store.connector_models import (
        ServiceConnector,
        ServiceConnectorCreate,
        ServiceConnectorUpdate,
        Verification,
    )
    from headwater.store.dag import RunDag
    from headwater.store.events import StoreEvent
    from headwater.store.filters import ListQuery
    from headwater.store.metadata_catalog import (
        MetadataKey,
        MetadataKeyQuery,
        MetadataSeries,
        MetadataSeriesQuery,
    )
    from headwater.store.model_approvals import (
        ApprovalRequest,
        DeletionRequest,
        StageRequestOutcome,
        VoteCreate,
    )
    from headwater.store.model_registry import (
        ApprovalPolicy,
        Model,
        ModelCreate,
        ModelStage,
        ModelVersion,
        ModelVersionLinks,
        ModelVersionRequest,
        PromotionRule,
        StageChange,
        StageHolder,
        StageTransition,
    )
    from headwater.store.models import (
        Artifact,
        ArtifactType,
        ArtifactVersion,
        CacheHit,
        ExecutionStatus,
        MetadataEntry,
        MetadataTarget,
        Page,
        Pipeline,
        PipelineRun,
        PipelineVersion,
        PipelineVersionSummary,
        Project,
        RunCreate,
        StepRun,
        StepRunCreate,
        StepRunEnd,
        User,
    )
    from headwater.store.rule_dry_runs import RuleDryRun
    from headwater.store.stack_models import (
        RunStack,
        Stack,
        StackComponent,
        StackComponentCreate,
        StackComponentType,
        StackComponentUpdate,
        StackCreate,
        StackUpdate,
    )


@runtime_checkable
class StaleRunSweeper(Protocol):
    """Stops runs whose process died: a database's job (the server's, or the runner's on
    an embedded store), never a reader's and never a client's over HTTP."""

    def stop_stale_runs(
        self, *, older_than: dt.timedelta, watched_since: dt.datetime | None = None
    ) -> int:
        """Stop unfinished runs that missed `STALE_AFTER_BEATS` of their own heartbeats;
        a run that recorded no interval is stale after `older_than` without a beat.
        With `watched_since`, only beats missed since then count: a server that was
        down could not receive the beats its runs kept sending.

        Their unfinished step runs are stopped too. Returns how many runs were stopped.
        """
        ...


@runtime_checkable
class ServerVerifier(Protocol):
    """A store on a server, which verifies locations from the server's side (REST): what
    matters is whether the server (and the runs it serves) can reach them."""

    def verify_service_connector(
        self, connector_id: uuid.UUID, location: str | None
    ) -> list[Verification]:
        """Verify a connector under `location`, or under each artifact store using it."""
        ...

    def verify_stack_component(self, component_id: uuid.UUID) -> Verification:
        """Verify an artifact store component's location with its connector."""
        ...


@runtime_checkable
class ServedArtifactStore(Protocol):
    """A store on a server that names the artifact store its runs write to (REST)."""

    def artifact_store_url(self) -> str:
        """The artifact store URL the server gives its clients."""
        ...


@runtime_checkable
class WorkerTokenIssuer(Protocol):
    """A server that hands a run's workers a token scoped to that run (REST)."""

    def issue_worker_token(self, run_id: uuid.UUID) -> str | None:
        """A token that records only into `run_id`, as the caller; None from a server
        that needs no login."""
        ...


class RunRecorder(Protocol):
    """What the runner needs to record a run: its status, steps, outputs' metadata
    and model versions, and the few reads that deciding a step takes."""

    def create_run(self, run: RunCreate) -> PipelineRun:
        """Create a run in `initializing`, with its pipeline, version, project and user.

        The pipeline, its version (by spec hash), the project and the user are created on
        first use. A run without a name gets `<pipeline>-<number>`, numbered by the store.

        Raises:
            EntityExistsError: a run with the given name already exists.
        """
        ...

    def update_run_status(
        self,
        run_id: uuid.UUID,
        status: ExecutionStatus,
        *,
        exception: str | None = None,
    ) -> PipelineRun:
        """Move a run to `status`; `running` sets its start, a finished status its end.

        Raises:
            EntityNotFoundError: there is no run with that id.
            StatusTransitionError: the run has finished and `status` is unfinished.
        """
        ...

    def heartbeat(self, run_id: uuid.UUID) -> None:
        """Record that the process executing the run is alive."""
        ...

    def claim_artifact_uris(self, claim_id: uuid.UUID, uris: Sequence[str]) -> bool:
        """Claim byte folders a save is about to publish into or reuse, so no prune
        deletes them before the outputs are recorded (`sql/artifact_claims.py`).

        Returns:
            False, claiming nothing, while a prune is deleting one of them: wait and ask
            again. Asking again with the same `claim_id` adds URIs to the claim.
        """
        ...

    def release_artifact_claim(self, claim_id: uuid.UUID) -> None:
        """Drop a save's or a prune's claim (unknown claims are fine)."""
        ...

    def get_run(self, run_id_or_name: uuid.UUID | str) -> PipelineRun:
        """Get a run by id or name; raises `EntityNotFoundError` when there is none."""
        ...

    def start_step(self, step: StepRunCreate) -> StepRun:
        """Record a step run: `running` when it executes now, or `cached` when it reuses
        the outputs of `step.original_step_run_id` (they are linked in the same call)."""
        ...

    def finish_step(self, step_run_id: uuid.UUID, end: StepRunEnd) -> StepRun:
        """Record a step's end: status, outputs (new artifact versions, numbered by the
        store), metadata and resource use, all in one transaction."""
        ...

    def find_cache_hit(self, cache_key: str) -> CacheHit | None:
        """The newest `completed` step run with this cache key and its outputs, if any."""
        ...

    def list_step_runs(self, query: ListQuery) -> Page[StepRun]:
        """List step runs, filtered and sorted as `listings.STEP_RUNS` declares."""
        ...

    def get_artifact_versions(
        self, artifact_version_ids: list[uuid.UUID]
    ) -> dict[uuid.UUID, ArtifactVersion]:
        """Get many artifact versions in one query, keyed by id (missing ids are absent)."""
        ...

    def add_metadata(
        self,
        target: MetadataTarget,
        target_id: uuid.UUID,
        entries: list[MetadataEntry],
    ) -> None:
        """Attach typed metadata; a key written again replaces its earlier value."""
        ...

    def resolve_model_version(
        self, request: ModelVersionRequest, *, run_id: uuid.UUID | None = None
    ) -> ModelVersion:
        """The version a `Model(...)` means, made (and numbered) if it is new; the model is
        registered on first use, and the run, when given, is linked to the version.

        Raises:
            EntityNotFoundError: the request names an existing version (a number,
                `latest`, `staging`, `production`) that is not there.
        """
        ...

    def list_model_versions(self, query: ListQuery) -> Page[ModelVersion]:
        """List model versions. Filterable fields: id, model_id, model_name, number, name,
        stage, created, run_id. Sortable: created, number, name, stage."""
        ...

    def link_artifacts_to_model_version(
        self, version_id: uuid.UUID, links: dict[uuid.UUID, ArtifactType]
    ) -> None:
        """Link existing artifact versions (id -> kind) to a model version."""
        ...

    def apply_promotion_rules(
        self,
        version_id: uuid.UUID,
        *,
        run_id: uuid.UUID | None = None,
        user_name: str = "default",
    ) -> int:
        """Evaluate the model's promotion rules on a version (reading the metadata of the
        version, and of `run_id` and its steps) and record every decision in the stage
        history. Returns how many rules were evaluated."""
        ...


class RunReader(Protocol):
    """What readers of runs need: runs, their DAGs and events, pipelines, step runs
    and artifact versions."""

    def list_runs(self, query: ListQuery) -> Page[PipelineRun]:
        """List runs, filtered and sorted as `listings.RUNS` declares; `query.metadata`
        filters on run metadata."""
        ...

    def delete_run(self, run_id: uuid.UUID) -> None:
        """Delete a run with its step runs and metadata (artifact versions stay)."""
        ...

    def get_run_dag(self, run_id: uuid.UUID) -> RunDag:
        """A run with its step runs, artifact versions and edges, in a constant number of
        queries whatever the run's size. Raises `EntityNotFoundError` for an unknown id."""
        ...

    def get_run_dag_steps(self, run_id: uuid.UUID, step_run_ids: Sequence[uuid.UUID]) -> RunDag:
        """The part of a run's DAG about some of its step runs: those steps (ids of other
        runs are left out), the edges on them and the artifact versions at their ends, so
        a drawn DAG is patched as steps change instead of fetched whole."""
        ...

    def list_events(
        self, *, after: int, limit: int = 500, run_id: uuid.UUID | None = None
    ) -> list[StoreEvent]:
        """Run and step changes with an id above `after`, oldest first (at most `limit`),
        optionally of one run. Every process's changes are there, in commit order."""
        ...

    def last_event_id(self, *, run_id: uuid.UUID | None = None) -> int:
        """The id of the newest change (0 when there is none): where a new reader starts.

        With `run_id`, the newest change of that run: its DAG (steps, links, statuses)
        changes only with a new event, so the id tells whether a drawn DAG is current."""
        ...

    def get_pipeline(self, name_or_id: uuid.UUID | str) -> Pipeline:
        """Get a pipeline by id or name."""
        ...

    def list_pipelines(self, query: ListQuery) -> Page[Pipeline]:
        """List pipelines, filtered and sorted as `listings.PIPELINES` declares."""
        ...

    def get_pipeline_version(self, version_id: uuid.UUID) -> PipelineVersion:
        """Get one recorded structure of a pipeline."""
        ...

    def list_pipeline_versions(self, query: ListQuery) -> Page[PipelineVersionSummary]:
        """List pipeline versions, each with its run count and first and last run, in a
        constant number of queries, filtered and sorted as `listings.PIPELINE_VERSIONS`
        declares."""
        ...

    def get_step_run(self, step_run_id: uuid.UUID) -> StepRun:
        """Get a step run by id."""
        ...

    def find_cached_step_run(self, cache_key: str) -> StepRun | None:
        """The newest `completed` step run with this cache key, if any."""
        ...

    def find_previous_step_run(
        self, step_name: str, pipeline_name: str, *, before: dt.datetime
    ) -> StepRun | None:
        """The newest executed step run of the same step and pipeline before a time:
        the baseline that explains why a step's cache key changed."""
        ...

    def get_artifact_version(self, artifact_version_id: uuid.UUID) -> ArtifactVersion:
        """Get an artifact version by id."""
        ...

    def list_artifact_versions(self, query: ListQuery) -> Page[ArtifactVersion]:
        """List artifact versions, filtered and sorted as `listings.ARTIFACT_VERSIONS`
        declares."""
        ...


class ComparisonReader(Protocol):
    """What a comparison of runs reads besides the runs: their step runs, narrowly."""

    def read_compared_steps(self, run_ids: Sequence[uuid.UUID]) -> list[ComparedStep]:
        """The step runs of these runs as a comparison shows them (`ComparedStep`: metadata
        values decoded, outputs as content hashes), oldest first by creation, then id.
        Unknown run ids have no step runs; one given twice counts once."""
        ...


class StackStore(Protocol):
    """Stacks and their components, with components' secrets."""

    def create_stack_component(self, component: StackComponentCreate) -> StackComponent:
        """Register a component; its secrets are stored apart and come back masked.

        Raises:
            EntityExistsError: a component of the same type already has the name.
        """
        ...

    def get_stack_component(
        self, name_or_id: uuid.UUID | str, component_type: StackComponentType | None = None
    ) -> StackComponent:
        """Get a component by id, or by name (and type when names repeat across types)."""
        ...

    def list_stack_components(self, query: ListQuery) -> Page[StackComponent]:
        """List components. Filterable fields: id, name, type, flavor, created. Sortable:
        created, name, type, flavor."""
        ...

    def update_stack_component(
        self, component_id: uuid.UUID, update: StackComponentUpdate
    ) -> StackComponent:
        """Rename a component or replace its settings and secrets (each given whole)."""
        ...

    def delete_stack_component(self, component_id: uuid.UUID) -> None:
        """Delete a component.

        Raises:
            EntityInUseError: stacks use it; the message names them.
        """
        ...

    def get_stack_component_secrets(self, component_id: uuid.UUID) -> dict[str, str]:
        """A component's secret settings in clear: only for building the component to run."""
        ...

    def create_stack(self, stack: StackCreate) -> Stack:
        """Compose a stack from component ids, one per type.

        Raises:
            EntityExistsError: a stack already has the name.
            StackValidationError: it lacks an orchestrator or artifact store, names a
                missing component, or gives one for the wrong type (every problem listed).
        """
        ...

    def get_stack(self, name_or_id: uuid.UUID | str) -> Stack:
        """Get a stack, with its components, by id or name."""
        ...

    def list_stacks(self, query: ListQuery) -> Page[Stack]:
        """List stacks. Filterable fields: id, name, created, component (a component's
        name), component_id. Sortable: created, name."""
        ...

    def update_stack(self, stack_id: uuid.UUID, update: StackUpdate) -> Stack:
        """Rename a stack or change its components; validated like `create_stack`."""
        ...

    def delete_stack(self, stack_id: uuid.UUID) -> None:
        """Delete a stack; its components stay, and its runs keep their copy of it."""
        ...

    def get_run_stack(self, run_id: uuid.UUID) -> RunStack | None:
        """The stack a run executed on, with its components' settings as they were then."""


class ServiceConnectorStore(Protocol):
    """Service connectors: named credentials that components use, secrets kept apart."""

    def create_service_connector(self, connector: ServiceConnectorCreate) -> ServiceConnector:
        """Register a connector; its secrets are stored apart and come back as set or not.

        Raises:
            EntityExistsError: a connector of the project already has the name.
        """
        ...

    def get_service_connector(self, name_or_id: uuid.UUID | str) -> ServiceConnector:
        """Get a connector by id or name."""
        ...

    def list_service_connectors(self, query: ListQuery) -> Page[ServiceConnector]:
        """List connectors, filtered and sorted as `listings.SERVICE_CONNECTORS` declares."""
        ...

    def update_service_connector(
        self, connector_id: uuid.UUID, update: ServiceConnectorUpdate
    ) -> ServiceConnector:
        """Replace a connector's settings and secrets (each given whole)."""
        ...

    def delete_service_connector(self, connector_id: uuid.UUID) -> None:
        """Delete a connector no component names.

        Raises:
            EntityInUseError: components name it in their settings; the message names them.
        """
        ...

    def get_service_connector_secrets(self, connector_id: uuid.UUID) -> dict[str, str]:
        """A connector's set secrets in clear: only for opening what it connects to."""
        ...


class ModelStore(Protocol):
    """Models, their versions, stages and promotion history."""

    def create_model(self, model: ModelCreate) -> Model:
        """Register a model with its tags and promotion rules.

        Raises:
            EntityExistsError: the project has a model with that name already.
        """
        ...

    def get_model(self, name_or_id: uuid.UUID | str) -> Model:
        """Get a model by id or name; raises `EntityNotFoundError` when there is none."""
        ...

    def list_models(self, query: ListQuery) -> Page[Model]:
        """List models. Filterable fields: id, name, created, tag. Sortable: created, name."""
        ...

    def update_model(
        self,
        model_id: uuid.UUID,
        *,
        description: str | None = None,
        promotion_rules: tuple[PromotionRule, ...] | None = None,
    ) -> Model:
        """Change a model's description, or replace its promotion rules (`()` clears them)."""
        ...

    def delete_model(self, model_id: uuid.UUID) -> None:
        """Delete a model with its versions, links, stage history and version metadata
        (artifact versions and runs stay)."""
        ...

    def delete_model_version(self, version_id: uuid.UUID) -> None:
        """Delete a version with its links, stage history and metadata (runs and artifact
        versions stay; its number is never reused).

        Raises:
            EntityNotFoundError: no model version has that id.
            StageConflictError: the version is in production; archive it first.
        """
        ...

    def get_model_version(
        self, model_name_or_id: uuid.UUID | str | None, version: uuid.UUID | str | int
    ) -> ModelVersion:
        """Get a version by id, or a model's version by number, name, stage or `latest`."""
        ...

    def get_model_version_links(self, version_id: uuid.UUID) -> ModelVersionLinks:
        """The artifact versions (with their kind) and runs linked to a model version."""
        ...

    def set_model_version_stage(self, version_id: uuid.UUID, change: StageChange) -> ModelVersion:
        """Move a version to a stage, recording who, when, from, to and why.

        At most one version of a model is in `staging` and one in `production`, even
        under concurrent promotions. With `force` the current holder moves to `archived`
        (recorded too); without it the attempt is recorded as refused and raises.

        Raises:
            StageConflictError: another version holds the stage and `force` is unset.
        """
        ...

    def list_stage_transitions(self, query: ListQuery) -> Page[StageTransition]:
        """List recorded stage changes, refusals and rule decisions. Filterable fields:
        model_id, model_name, model_version_id, version_number, from_stage, to_stage,
        outcome, trigger, user_name, created. Sortable: created."""
        ...

    def get_stage_holder(
        self, model_name_or_id: uuid.UUID | str, stage: ModelStage, at: dt.datetime
    ) -> StageHolder:
        """Which version held `staging` or `production` at `at` (timezone-aware), and
        since when, from the applied transitions.

        Raises:
            EntityNotFoundError: no such model, or no version held the stage then.
            InvalidValueError: the stage is `none` or `archived`, or `at` is naive.
        """
        ...

    def set_approval_policy(self, model_id: uuid.UUID, policy: ApprovalPolicy) -> Model:
        """Make changes of `policy.stage` wait for approvals (0 approvals: at once again).

        Raises:
            EntityNotFoundError: there is no model with that id.
        """
        ...

    def request_stage_change(
        self, version_id: uuid.UUID, change: StageChange
    ) -> StageRequestOutcome:
        """Ask to move a version to a stage: applied at once when no policy holds it back
        (as `set_model_version_stage`), else recorded as a pending approval request.

        Raises:
            StageConflictError: applied at once, and the stage is held without `force`.
            ApprovalError: the same change of this version is pending already.
        """
        ...

    def request_model_version_deletion(
        self, version_id: uuid.UUID, request: DeletionRequest
    ) -> ApprovalRequest:
        """Ask to delete a version in a stage a policy protects (a pending request).

        Raises:
            StageConflictError: it is in production and no policy allows deleting it.
            ApprovalError: it needs no approval (delete it), or a request is pending.
        """
        ...

    def vote_on_approval_request(self, request_id: uuid.UUID, vote: VoteCreate) -> ApprovalRequest:
        """Approve or reject a pending request; the approval completing the count applies
        it in the same transaction (exactly once), one rejection closes it.

        Raises:
            EntityNotFoundError: no approval request has that id.
            ApprovalError: it is decided already, the voter asked for it (and approves),
                or the voter voted on it already.
        """
        ...

    def get_approval_request(self, request_id: uuid.UUID) -> ApprovalRequest:
        """An approval request with its votes; raises `EntityNotFoundError` if none."""
        ...

    def list_approval_requests(self, query: ListQuery) -> Page[ApprovalRequest]:
        """List approval requests. Filterable fields: id, model_id, model_name,
        model_version_id, version_number, kind, to_stage, status, requested_by, created.
        Sortable: created."""
        ...

    def dry_run_promotion_rules(
        self, model_id: uuid.UUID, rules: tuple[PromotionRule, ...] | None = None
    ) -> RuleDryRun:
        """What `rules` (None: the model's own) would decide for each existing version
        (newest first) and why: the value read against the threshold. Changes nothing.

        Raises:
            EntityNotFoundError: there is no model with that id.
        """
        ...


class CatalogStore(Protocol):
    """The catalog: artifacts, tags, users and projects; deleting and pruning."""

    def get_artifact(self, name_or_id: uuid.UUID | str) -> Artifact:
        """Get an artifact (the named series of versions) by id or name."""
        ...

    def list_artifacts(self, query: ListQuery) -> Page[Artifact]:
        """List artifacts. Filterable fields: id, name, created, tag. Sortable: created,
        name."""
        ...

    def delete_pipeline(self, pipeline_id: uuid.UUID) -> None:
        """Delete a pipeline, its versions and its runs (artifact versions stay)."""
        ...

    def prune_artifact_versions(self, *, dry_run: bool, only_versions: bool) -> ArtifactPrune:
        """Delete (or with `dry_run` only list) the artifact versions that no step run
        uses as input or output and no model version links; with `only_versions=False`
        artifacts left without versions go too. Reports the byte URIs nothing points at
        any more, for the caller to delete after this call returns."""
        ...

    def add_tags(self, target: TagTarget, target_id: uuid.UUID, names: Sequence[str]) -> None:
        """Attach tags (created on first use) to a run, artifact, artifact version or model.

        Raises:
            EntityNotFoundError: nothing of that kind has the id.
        """
        ...

    def remove_tags(self, target: TagTarget, target_id: uuid.UUID, names: Sequence[str]) -> None:
        """Detach tags from a target (missing ones are ignored; the tags stay)."""
        ...

    def get_tag(self, name_or_id: uuid.UUID | str) -> Tag:
        """Get a tag by id or name."""
        ...

    def list_tags(self, query: ListQuery) -> Page[Tag]:
        """List tags. Filterable fields: id, name, created. Sortable: created, name."""
        ...

    def get_user(self, name_or_id: uuid.UUID | str) -> User:
        """Get a user by id or name."""
        ...

    def list_users(self, query: ListQuery) -> Page[User]:
        """List users. Filterable fields: id, name, created. Sortable: created, name."""
        ...

    def get_project(self, name_or_id: uuid.UUID | str) -> Project:
        """Get a project by id or name."""
        ...

    def list_projects(self, query: ListQuery) -> Page[Project]:
        """List projects. Filterable fields: id, name, created. Sortable: created, name."""
        ...


class MetadataExplorer(Protocol):
    """What the metadata explorer reads: every key in use, and one key's history."""

    def list_metadata_keys(self, query: MetadataKeyQuery) -> list[MetadataKey]:
        """Every distinct key per resource type with its value types, how many entities
        carry it and when it was first and last written, sorted by resource then key."""
        ...

    def get_metadata_series(self, query: MetadataSeriesQuery) -> MetadataSeries:
        """A key's values over runs, step runs, artifact versions or model versions,
        oldest first; more than `query.max_points` come back as buckets per line with
        their min, max and mean (non-numeric values are then left out)."""
        ...


class Store(
    RunRecorder,
    RunReader,
    ComparisonReader,
    StackStore,
    ServiceConnectorStore,
    ModelStore,
    CatalogStore,
    MetadataExplorer,
    Protocol,
):
    """Everything Headwater remembers: every role above, in one store.

    Code asks for the narrowest role it uses (the runner for a `RunRecorder`, say), so an
    implementation of one role, such as a remote worker's recorder, can stand in for it.
    """

    def close(self) -> None:
        """Release connections and files."""
        ...

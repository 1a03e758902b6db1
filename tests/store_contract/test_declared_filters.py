"""Every filter field an entity declares (store/listings.py) finds its item, on every store.

For each declared entity, one item is recorded and each declared field is given a filter
that this item matches: it must be in the page, on SQLite, PostgreSQL and through the
REST store (and so the server's list parameters), asked of the store and asked of the
`Client` as its typed keyword argument. A field declared without a case here fails the
coverage check, so a new field is walked too.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from headwater.client import Client
from headwater.config import Settings
from headwater.session import Session
from headwater.store import listings
from headwater.store.base import Store
from headwater.store.catalog_models import TagTarget
from headwater.store.connector_models import ServiceConnectorCreate, ServiceConnectorType
from headwater.store.filters import ListQuery
from headwater.store.listings import (
    APPROVAL_REQUESTS,
    ARTIFACT_VERSIONS,
    ARTIFACTS,
    MODEL_VERSIONS,
    MODELS,
    PIPELINE_VERSIONS,
    PIPELINES,
    PROJECTS,
    RUNS,
    SERVICE_CONNECTORS,
    STACK_COMPONENTS,
    STACKS,
    STEP_RUNS,
    TAGS,
    USERS,
    EntityListing,
)
from headwater.store.model_registry import (
    ApprovalPolicy,
    ModelCreate,
    ModelVersionRequest,
    StageChange,
)
from headwater.store.models import ExecutionStatus, RunCreate
from headwater.store.stack_models import (
    Stack,
    StackComponent,
    StackComponentCreate,
    StackComponentType,
    StackCreate,
)
from tests.store_contract.records import a_run, an_output, end_run, record_step

# entity -> (list call, the item's id, field -> a filter the item matches)
Cases = tuple[Callable[[ListQuery], Any], Any, dict[str, Any]]


def _recorded(store: Store) -> dict[str, Cases]:
    stack, orchestrator = _walked_stack(store)
    walked = a_run("training", name="walked", tags=("nightly",))
    run = store.create_run(RunCreate(**{**walked.model_dump(), "stack_id": stack.id}))
    store.update_run_status(run.id, ExecutionStatus.RUNNING)
    run = end_run(store, run)
    other = store.create_run(a_run("scoring"))
    train = record_step(store, run, "train", an_output("model"))
    step = record_step(store, run, "evaluate", inputs={"model": train.outputs["model"]})
    record_step(store, other, "score", an_output("score"))
    store.add_tags(TagTarget.ARTIFACT_VERSION, train.outputs["model"], ["best"])
    version = store.get_artifact_version(train.outputs["model"])
    store.add_tags(TagTarget.ARTIFACT, version.artifact_id, ["kept"])
    pipeline = store.get_pipeline("training")
    user = store.get_user(run.user_id)
    project = store.get_project(run.project_id)
    tag = store.get_tag("nightly")
    since = f"gte:{run.created.isoformat()}"
    return {
        **_catalog_cases(store, version, user, project, tag, since),
        **_model_cases(store, run, since),
        **_stack_cases(store, stack, orchestrator),
        **_connector_cases(store),
        RUNS.entity: (
            store.list_runs,
            run.id,
            {
                "id": str(run.id),
                "name": run.name,
                "pipeline_id": str(run.pipeline_id),
                "pipeline_version_id": str(run.pipeline_version_id),
                "pipeline_name": "training",
                "project_id": str(run.project_id),
                "user_id": str(run.user_id),
                "user_name": user.name,
                "status": "completed",
                "created": [since, "lte:2999-01-01"],
                "started": "lte:2999-01-01",
                "ended": since,
                "tag": "nightly",
                "orchestrator": run.orchestrator,
                "stack_id": str(stack.id),
            },
        ),
        STEP_RUNS.entity: (
            store.list_step_runs,
            step.id,
            {
                "id": str(step.id),
                "run_id": str(run.id),
                "name": "evaluate",
                "status": "oneof:[completed,cached]",
                "cache_key": step.cache_key,
                "original_step_run_id": "notequals:00000000-0000-0000-0000-000000000000",
                "peak_memory_bytes": f"gte:{step.peak_memory_bytes}",
                "created": since,
                "started": since,
                "ended": since,
                "input_artifact_version_id": str(train.outputs["model"]),
            },
        ),
        ARTIFACT_VERSIONS.entity: (
            store.list_artifact_versions,
            version.id,
            {
                "id": str(version.id),
                "artifact_id": str(version.artifact_id),
                "artifact_name": "model",
                "version": str(version.version),
                "content_hash": version.content_hash,
                "uri": version.uri,
                "size_bytes": f"gte:{version.size_bytes}",
                "producer_step_run_id": str(train.id),
                "data_type": version.data_type,
                "materializer": version.materializer,
                "created": since,
                "tag": "best",
            },
        ),
        PIPELINES.entity: (
            store.list_pipelines,
            pipeline.id,
            {
                "id": str(pipeline.id),
                "name": "training",
                "project_id": str(pipeline.project_id),
                "created": f"lte:{pipeline.created.isoformat()}",
            },
        ),
        PIPELINE_VERSIONS.entity: (
            lambda query: _version_page(store, query),
            run.pipeline_version_id,
            {
                "id": str(run.pipeline_version_id),
                "pipeline_id": str(pipeline.id),
                "version": "1",
                "spec_hash": "spec-1",
                "created": f"lte:{run.created.isoformat()}",
            },
        ),
    }


def _catalog_cases(
    store: Store, version: Any, user: Any, project: Any, tag: Any, since: str
) -> dict[str, Cases]:
    named = {
        TAGS.entity: (store.list_tags, tag),
        USERS.entity: (store.list_users, user),
        PROJECTS.entity: (store.list_projects, project),
    }
    cases: dict[str, Cases] = {
        entity: (
            list_items,
            item.id,
            {"id": str(item.id), "name": item.name, "created": f"lte:{item.created.isoformat()}"},
        )
        for entity, (list_items, item) in named.items()
    }
    cases[ARTIFACTS.entity] = (
        store.list_artifacts,
        version.artifact_id,
        {
            "id": str(version.artifact_id),
            "name": "model",
            "project_id": str(project.id),
            "created": "lte:2999-01-01",
            "tag": "kept",
            "data_type": version.data_type,
        },
    )
    return cases


def _model_cases(store: Store, run: Any, since: str) -> dict[str, Cases]:
    model = store.create_model(ModelCreate(name="iris", tags=("tabular",)))
    version = store.resolve_model_version(
        ModelVersionRequest(model_name="iris", version="v1"), run_id=run.id
    )
    store.set_approval_policy(model.id, ApprovalPolicy(stage="production", required_approvals=1))
    change = StageChange(stage="production", user_name="ada")
    approval = store.request_stage_change(version.id, change).request
    assert approval is not None
    return {
        APPROVAL_REQUESTS.entity: (
            store.list_approval_requests,
            approval.id,
            {
                "id": str(approval.id),
                "model_id": str(model.id),
                "model_name": "iris",
                "model_version_id": str(version.id),
                "version_number": "1",
                "kind": "stage_change",
                "to_stage": "production",
                "status": "pending",
                "requested_by": "ada",
                "created": since,
            },
        ),
        MODELS.entity: (
            store.list_models,
            model.id,
            {"id": str(model.id), "name": "iris", "created": since, "tag": "tabular"},
        ),
        MODEL_VERSIONS.entity: (
            store.list_model_versions,
            version.id,
            {
                "id": str(version.id),
                "model_id": str(model.id),
                "model_name": "iris",
                "number": "1",
                "name": "v1",
                "stage": "none",
                "created": since,
                "run_id": str(run.id),
            },
        ),
    }


def _walked_stack(store: Store) -> tuple[Stack, StackComponent]:
    made = {
        kind: store.create_stack_component(
            StackComponentCreate(name=f"walked-{kind.value}", type=kind, flavor="local")
        )
        for kind in (StackComponentType.ORCHESTRATOR, StackComponentType.ARTIFACT_STORE)
    }
    orchestrator = made[StackComponentType.ORCHESTRATOR]
    stack = store.create_stack(
        StackCreate(name="walked", components={kind: c.id for kind, c in made.items()})
    )
    return stack, orchestrator


def _stack_cases(store: Store, stack: Stack, orchestrator: StackComponent) -> dict[str, Cases]:
    since = f"gte:{orchestrator.created.isoformat()}"
    return {
        STACK_COMPONENTS.entity: (
            store.list_stack_components,
            orchestrator.id,
            {
                "id": str(orchestrator.id),
                "name": orchestrator.name,
                "type": "orchestrator",
                "flavor": "local",
                "created": since,
            },
        ),
        STACKS.entity: (
            store.list_stacks,
            stack.id,
            {
                "id": str(stack.id),
                "name": "walked",
                "created": since,
                "component": orchestrator.name,
                "component_id": str(orchestrator.id),
            },
        ),
    }


def _connector_cases(store: Store) -> dict[str, Cases]:
    connector = store.create_service_connector(
        ServiceConnectorCreate(
            name="walked-s3",
            type=ServiceConnectorType.AWS,
            settings={"region": "eu-west-1"},
            secrets={"aws_access_key_id": "id", "aws_secret_access_key": "secret"},
            user_name="walker",
        )
    )
    since = f"gte:{connector.created.isoformat()}"
    return {
        SERVICE_CONNECTORS.entity: (
            store.list_service_connectors,
            connector.id,
            {
                "id": str(connector.id),
                "name": "walked-s3",
                "type": "aws",
                "created": since,
                "updated": since,
                "created_by": "walker",
            },
        )
    }


def _version_page(store: Store, query: ListQuery) -> Any:
    page = store.list_pipeline_versions(query)
    return page.model_copy(update={"items": tuple(s.version for s in page.items)})


DECLARED = [
    RUNS,
    STEP_RUNS,
    ARTIFACT_VERSIONS,
    ARTIFACTS,
    PIPELINES,
    PIPELINE_VERSIONS,
    TAGS,
    USERS,
    PROJECTS,
    MODELS,
    MODEL_VERSIONS,
    APPROVAL_REQUESTS,
    STACK_COMPONENTS,
    STACKS,
    SERVICE_CONNECTORS,
]


# Listed only through the access role or after stage changes; test_access.py and
# test_model_stages.py filter them.
ELSEWHERE = [listings.AUDIT_EVENTS, listings.STAGE_TRANSITIONS]


def test_every_declared_entity_is_walked():
    declared = {v.entity for v in vars(listings).values() if isinstance(v, EntityListing)}

    assert declared == {listing.entity for listing in DECLARED + ELSEWHERE}


@pytest.mark.parametrize("listing", DECLARED, ids=lambda listing: listing.entity)
def test_every_declared_filter_finds_its_item(store, listing: EntityListing):
    list_items, item_id, filters = _recorded(store)[listing.entity]
    assert set(filters) == set(listing.fields), "walk every declared field"

    missed = []
    for field, value in filters.items():
        page = list_items(ListQuery(filters={field: value}, size=100))
        if item_id not in [item.id for item in page.items]:
            missed.append(field)

    assert missed == []


@pytest.mark.parametrize("listing", DECLARED, ids=lambda listing: listing.entity)
def test_every_declared_sort_field_sorts(store, listing: EntityListing):
    list_items, item_id, _ = _recorded(store)[listing.entity]

    for field in sorted(listing.sortable):
        for direction in ("asc", "desc"):
            page = list_items(ListQuery(sort_by=f"{direction}:{field}", size=100))
            assert item_id in [item.id for item in page.items], f"{direction}:{field}"


def test_a_filter_that_matches_nothing_finds_nothing(store):
    list_items, _, _ = _recorded(store)[RUNS.entity]

    assert list_items(ListQuery(filters={"pipeline_name": "nowhere"})).items == ()


# entity -> the `Client` method that lists it (the Client lists no pipeline versions: it
# reaches them through a pipeline's runs).
CLIENT_LISTS = {
    RUNS.entity: "list_pipeline_runs",
    STEP_RUNS.entity: "list_run_steps",
    ARTIFACT_VERSIONS.entity: "list_artifact_versions",
    ARTIFACTS.entity: "list_artifacts",
    PIPELINES.entity: "list_pipelines",
    TAGS.entity: "list_tags",
    USERS.entity: "list_users",
    PROJECTS.entity: "list_projects",
    MODELS.entity: "list_models",
    MODEL_VERSIONS.entity: "list_model_versions",
    APPROVAL_REQUESTS.entity: "list_approval_requests",
    STACK_COMPONENTS.entity: "list_stack_components",
    STACKS.entity: "list_stacks",
    SERVICE_CONNECTORS.entity: "list_service_connectors",
    listings.STAGE_TRANSITIONS.entity: "list_stage_transitions",
    listings.AUDIT_EVENTS.entity: "list_audit_events",
}
NOT_IN_CLIENT = {PIPELINE_VERSIONS.entity}


def test_every_client_listing_takes_its_entity_s_declared_filters():
    declared = {v.entity: v for v in vars(listings).values() if isinstance(v, EntityListing)}

    assert set(CLIENT_LISTS) | NOT_IN_CLIENT == set(declared)
    for entity, method in CLIENT_LISTS.items():
        keywords = inspect.signature(getattr(Client, method)).parameters["filters"]
        assert keywords.annotation == f"Unpack[{declared[entity].filters.__name__}]", method


@pytest.mark.parametrize(
    "listing",
    [listing for listing in DECLARED if listing.entity not in NOT_IN_CLIENT],
    ids=lambda listing: listing.entity,
)
def test_every_declared_filter_finds_its_item_through_the_client(
    store, store_backend, tmp_path: Path, listing: EntityListing
):
    _, item_id, filters = _recorded(store)[listing.entity]
    artifacts = str(tmp_path / "artifacts")
    settings = Settings(tmp_path, store_backend.url, artifacts)
    client = Client(Session(settings, store, default_artifact_store_url=artifacts))
    list_items = getattr(client, CLIENT_LISTS[listing.entity])

    missed, kept = [], []
    for field, value in filters.items():
        if item_id not in [item.id for item in list_items(size=100, **{field: value})]:
            missed.append(field)
        missing = _MISSING_INSTEAD.get((listing.entity, field)) or _missing(value)
        if item_id in [item.id for item in list_items(size=100, **{field: missing})]:
            kept.append(field)

    assert (missed, kept) == ([], [])


# What a walked filter turns into to miss its item: equality becomes `notequals:`, a bound
# the opposite bound. Each side must be honoured by every layer, or a layer that drops a
# field (and so lists everything) would still pass the walk above.
_OPPOSITE = {"gte": "lt", "lte": "gt", "gt": "lte", "lt": "gte", "notequals": "equals"}
# Where that is no miss: a stack has other components than the walked one, and `oneof`
# has no opposite operator.
_MISSING_INSTEAD = {
    (STACKS.entity, "component"): "no-such-component",
    (STACKS.entity, "component_id"): "00000000-0000-0000-0000-000000000000",
    (STEP_RUNS.entity, "status"): "oneof:[failed,stopped]",
}


def _missing(value: Any) -> Any:
    if isinstance(value, list):
        return [_missing(value[0]), *value[1:]]
    operator, separator, rest = str(value).partition(":")
    if separator and operator in _OPPOSITE:
        return f"{_OPPOSITE[operator]}:{rest}"
    return f"notequals:{value}"


@pytest.mark.parametrize("listing", DECLARED, ids=lambda listing: listing.entity)
def test_every_declared_filter_leaves_out_an_item_it_does_not_match(store, listing):
    list_items, item_id, filters = _recorded(store)[listing.entity]

    kept = []
    for field, value in filters.items():
        missing = _MISSING_INSTEAD.get((listing.entity, field)) or _missing(value)
        page = list_items(ListQuery(filters={field: missing}, size=100))
        if item_id in [item.id for item in page.items]:
            kept.append(field)

    assert kept == []

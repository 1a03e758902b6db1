"""Where a request's entity lives: the project of a run, step run, artifact, model, stack...

A route's permission (see `route_permissions.py`) names where its entity is found: a path
parameter, a body field, or a body's `target`/`target_id`. These functions turn that into
a project id, reading the store the way the route itself will. An entity that does not
exist has no project (None): the route then answers its own 404.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from headwater.errors import EntityNotFoundError, HeadwaterError
from headwater.store.base import Store
from headwater.store.filters import ListQuery


class Locator(StrEnum):
    """What kind of entity a reference names."""

    PROJECT = "project"
    PIPELINE = "pipeline"
    PIPELINE_VERSION = "pipeline_version"
    RUN = "run"
    STEP_RUN = "step_run"
    ARTIFACT = "artifact"
    ARTIFACT_VERSION = "artifact_version"
    MODEL = "model"
    MODEL_VERSION = "model_version"
    STACK = "stack"
    COMPONENT = "component"
    CONNECTOR = "connector"
    APPROVAL_REQUEST = "approval_request"


@dataclass(frozen=True, slots=True)
class InPath:
    """The entity is named by a path parameter."""

    parameter: str
    locator: Locator


@dataclass(frozen=True, slots=True)
class InBody:
    """The entity is named by a field of the JSON body (`fields` is a path into it)."""

    fields: tuple[str, ...]
    locator: Locator
    # Used when the body leaves the field out (a run's project defaults to "default").
    default: str | None = None


@dataclass(frozen=True, slots=True)
class InBodyTarget:
    """The entity is the body's `target` (run, step_run, artifact...) with `target_id`."""


Where = InPath | InBody | InBodyTarget


def _uuid(ref: str) -> uuid.UUID:
    return uuid.UUID(ref)


def _component(store: Store, ref: str) -> uuid.UUID:
    """A component's project by id, or by name (the dashboard's links name components)."""
    try:
        return store.get_stack_component(_uuid(ref)).project_id
    except ValueError:
        pass
    found = store.list_stack_components(ListQuery(filters={"name": ref}, size=1)).items
    if not found:
        raise EntityNotFoundError(f"No stack component with id or name '{ref}'.")
    return found[0].project_id


def _run(store: Store, ref: str) -> uuid.UUID:
    return store.get_run(ref).project_id


def _artifact(store: Store, ref: str) -> uuid.UUID:
    return store.get_artifact(ref).project_id


def _model(store: Store, ref: str) -> uuid.UUID:
    return store.get_model(ref).project_id


def _pipeline(store: Store, ref: str) -> uuid.UUID:
    return store.get_pipeline(ref).project_id


_FINDERS: dict[Locator, Callable[[Store, str], uuid.UUID]] = {
    Locator.PROJECT: lambda store, ref: store.get_project(ref).id,
    Locator.PIPELINE: _pipeline,
    Locator.PIPELINE_VERSION: lambda store, ref: _pipeline(
        store, str(store.get_pipeline_version(_uuid(ref)).pipeline_id)
    ),
    Locator.RUN: _run,
    Locator.STEP_RUN: lambda store, ref: _run(store, str(store.get_step_run(_uuid(ref)).run_id)),
    Locator.ARTIFACT: _artifact,
    Locator.ARTIFACT_VERSION: lambda store, ref: _artifact(
        store, str(store.get_artifact_version(_uuid(ref)).artifact_id)
    ),
    Locator.MODEL: _model,
    Locator.MODEL_VERSION: lambda store, ref: _model(
        store, str(store.get_model_version(None, _uuid(ref)).model_id)
    ),
    Locator.STACK: lambda store, ref: store.get_stack(ref).project_id,
    Locator.COMPONENT: lambda store, ref: _component(store, ref),
    Locator.CONNECTOR: lambda store, ref: store.get_service_connector(ref).project_id,
    Locator.APPROVAL_REQUEST: lambda store, ref: _model(
        store, str(store.get_approval_request(_uuid(ref)).model_id)
    ),
}
# The kinds of `target` that metadata and tag bodies name.
_TARGETS = {
    "run": Locator.RUN,
    "step_run": Locator.STEP_RUN,
    "artifact": Locator.ARTIFACT,
    "artifact_version": Locator.ARTIFACT_VERSION,
    "model": Locator.MODEL,
    "model_version": Locator.MODEL_VERSION,
}


def find_project_id(store: Store, locator: Locator, ref: str) -> uuid.UUID | None:
    """The project of the entity `ref` names; None when there is no such entity."""
    try:
        return _FINDERS[locator](store, ref)
    except (HeadwaterError, ValueError):
        return None


def find_model_version_project(store: Store, model: str | None, version: str) -> uuid.UUID | None:
    """The project of a model version named like `GET /model-versions/{version}?model=`."""
    try:
        return store.get_model(str(store.get_model_version(model, version).model_id)).project_id
    except (HeadwaterError, ValueError):
        return None


def body_reference(body: Any, where: InBody | InBodyTarget) -> tuple[Locator, str] | None:
    """The (kind, reference) a JSON body names at `where`; None if it names none."""
    if not isinstance(body, dict):
        return None
    if isinstance(where, InBodyTarget):
        locator = _TARGETS.get(str(body.get("target")))
        target_id = body.get("target_id")
        return None if locator is None or target_id is None else (locator, str(target_id))
    value: Any = body
    for field in where.fields:
        value = value.get(field) if isinstance(value, dict) else None
    if value is None:
        value = where.default
    return None if value is None else (where.locator, str(value))

"""`get_step_context()` and `log_metadata()`: what step code uses to learn and record."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from headwater.errors import EntityNotFoundError, HeadwaterError
from headwater.runner.context import StepContext, current_step_context
from headwater.sdk.model_metadata import log_model_metadata
from headwater.session import get_session
from headwater.store.filters import ListQuery
from headwater.store.metadata import encode_metadata
from headwater.store.models import MetadataTarget


def get_step_context() -> StepContext:
    """The context of the step that is running now.

    Raises:
        HeadwaterError: called outside a running step.
    """
    context = current_step_context()
    if context is None:
        raise HeadwaterError(
            "get_step_context() was called outside a running step. Call it inside a "
            "@step function while its pipeline runs."
        )
    return context


def log_metadata(
    metadata: Mapping[str, Any],
    *,
    step_id: uuid.UUID | None = None,
    step_name: str | None = None,
    run_id_name_or_prefix: str | uuid.UUID | None = None,
    artifact_name: str | None = None,
    artifact_version: str | int | None = None,
    artifact_version_id: uuid.UUID | None = None,
    infer_artifact: bool = False,
    model_id: uuid.UUID | None = None,
    model_name: str | None = None,
    model_version: str | int | None = None,
    infer_model: bool = False,
) -> None:
    """Record typed metadata (numbers, strings, dicts, datetimes, `Uri`, `StorageSize`, ...).

    Inside a step, metadata goes to that step by default, to its output with
    `infer_artifact=True` or `artifact_name="<output>"`, or to its run with
    `run_id_name_or_prefix=<this run>`; it is written with the step's end. Outside a
    step, name the target: a run, a run and `step_name`, or an `artifact_version_id`.
    Model versions: `infer_model=True` in a step means the step's model version;
    `model_name=...` or `model_id=...` (with `model_version=`, a number, name, stage
    or "latest", the default) names one anywhere. As in ZenML, `step_id=...` names a
    step run, and `artifact_name=...` with `artifact_version=...` an artifact version.

    Example:
        ```python
        log_metadata({"accuracy": 0.93})                      # the running step
        log_metadata({"rows": 100}, infer_artifact=True)      # its only output
        log_metadata({"accuracy": 0.93}, infer_model=True)    # its model version
        ```

    Raises:
        HeadwaterError: no target can be found, or a value has no metadata type.
    """
    context = current_step_context()
    if infer_model or model_name is not None or model_id is not None:
        log_model_metadata(context, metadata, model_id or model_name, model_version)
        return
    if step_id is not None:
        store = get_session().store
        store.add_metadata(MetadataTarget.STEP_RUN, step_id, encode_metadata(dict(metadata)))
        return
    if artifact_name is not None and (context is None or artifact_version is not None):
        artifact_version_id = _artifact_version_id(artifact_name, artifact_version)
    if context is not None and _log_in_step(
        context,
        metadata,
        step_name,
        run_id_name_or_prefix,
        artifact_name,
        artifact_version_id,
        infer_artifact,
    ):
        return
    _log_to_store(metadata, step_name, run_id_name_or_prefix, artifact_version_id)


def _artifact_version_id(name: str, version: str | int | None) -> uuid.UUID:
    """The id of artifact `name`'s version `version` (its newest when None).

    Raises:
        EntityNotFoundError: no such artifact or version.
    """
    filters = {"artifact_name": name}
    if version is not None:
        filters["version"] = str(version)
    page = get_session().store.list_artifact_versions(
        ListQuery(filters=filters, sort_by="desc:version", size=1)
    )
    if not page.items:
        which = "any version" if version is None else f"a version '{version}'"
        raise EntityNotFoundError(
            f"Artifact '{name}' has no {which}. Check its versions with "
            f"`Client().get_artifact('{name}').versions`."
        )
    return page.items[0].id


def _log_in_step(
    context: StepContext,
    metadata: Mapping[str, Any],
    step_name: str | None,
    run_ref: str | uuid.UUID | None,
    artifact_name: str | None,
    artifact_version_id: uuid.UUID | None,
    infer_artifact: bool,
) -> bool:
    """Buffer metadata aimed at the running step, its outputs or its run."""
    encode_metadata(dict(metadata))  # fail now, in the step, on a value with no type
    is_this_run = run_ref is None or str(run_ref) in (str(context.run_id), context.run_name)
    if not is_this_run or artifact_version_id is not None:
        return False
    if infer_artifact or artifact_name is not None:
        context.add_output_metadata(metadata, artifact_name)
    elif step_name not in (None, context.step_name):
        return False
    elif run_ref is not None and step_name is None:
        context.run_metadata.update(metadata)
    else:
        context.step_metadata.update(metadata)
    return True


def _log_to_store(
    metadata: Mapping[str, Any],
    step_name: str | None,
    run_ref: str | uuid.UUID | None,
    artifact_version_id: uuid.UUID | None,
) -> None:
    store = get_session().store
    entries = encode_metadata(dict(metadata))
    if artifact_version_id is not None:
        store.add_metadata(MetadataTarget.ARTIFACT_VERSION, artifact_version_id, entries)
        return
    if run_ref is None:
        raise HeadwaterError(
            "log_metadata() outside a running step needs a target: pass "
            "run_id_name_or_prefix=..., optionally with step_name=..., or "
            "artifact_version_id=..."
        )
    run = store.get_run(run_ref)
    if step_name is None:
        store.add_metadata(MetadataTarget.RUN, run.id, entries)
        return
    steps = store.list_step_runs(
        ListQuery(filters={"run_id": str(run.id), "name": step_name}, size=1)
    )
    if not steps.items:
        raise HeadwaterError(
            f"Run '{run.name}' has no step '{step_name}'. Check the step name with "
            f"`headwater runs show {run.name}`."
        )
    store.add_metadata(MetadataTarget.STEP_RUN, steps.items[0].id, entries)

"""Where a run's records may point, and the one artifact store the server reads them from.

A client records URIs (an output's folder, its visualizations, a step's log), but the
server never follows one as given. Each is checked against the layout of the artifact
store of the run's own stack: an artifact's bytes lie in the folder the store makes for
their content hash (`artifacts/<hash[:2]>/<hash>`, never the store's root), its
visualizations inside that folder, and a step's log in the file the store names for that
run and step. A read opens only that artifact store, so no record, however it was
written, points the server at another project's files, a store's root or the server's
own files.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from headwater.errors import ApiError, EntityNotFoundError, HeadwaterError
from headwater.store.stack_models import StackComponentType

if TYPE_CHECKING:
    from headwater.artifacts.artifact_store import ArtifactStore
    from headwater.server.dependencies import ServerState
    from headwater.session import Session
    from headwater.store.models import (
        ArtifactVersion,
        ArtifactVersionCreate,
        PipelineRun,
        StepRun,
        StepRunCreate,
        StepRunEnd,
    )
    from headwater.store.stack_models import StackComponent


def run_artifact_store(state: ServerState, run: PipelineRun) -> ArtifactStore:
    """The artifact store of the stack `run` executed on (the server's default store for
    a run that recorded no stack), on a team server only where its roots allow.

    Raises:
        ApiError: 409, the run's artifact store belongs to another project, or is gone;
            400, it lies where the server's artifact roots do not allow.
    """
    artifact_store = _run_artifact_store(state.session, run)
    if state.artifact_roots is not None:
        state.artifact_roots.check(artifact_store, name=f"of run '{run.name}'")
    return artifact_store


def _run_artifact_store(session: Session, run: PipelineRun) -> ArtifactStore:
    run_stack = session.store.get_run_stack(run.id)
    if run_stack is None:
        return session.default_artifact_store
    recorded = run_stack.components.get(StackComponentType.ARTIFACT_STORE)
    if recorded is None:
        return session.default_artifact_store
    try:
        component = session.store.get_stack_component(recorded.id)
    except EntityNotFoundError:
        raise _store_gone(run, recorded.name) from None
    _check_same_project(session, run, component)
    try:
        return session.artifact_store_of(component)
    except HeadwaterError as exc:
        raise _store_gone(run, component.name, str(exc)) from exc


def check_step_start(state: ServerState, step: StepRunCreate) -> None:
    """Refuse a step whose log is not the file its run's artifact store names for it.

    Raises:
        ApiError: 400 `location_not_allowed`.
    """
    if step.log_uri is None:
        return
    run = state.session.store.get_run(step.run_id)
    expected = run_artifact_store(state, run).log_uri(str(run.id), step.name)
    if step.log_uri != expected:
        raise _not_allowed(
            f"The log of step '{step.name}' must be at '{expected}' (the server chooses where "
            f"a step's log lies), not at '{step.log_uri}'."
        )


def check_step_end(state: ServerState, step_run: StepRun, end: StepRunEnd) -> None:
    """Refuse outputs whose bytes or views are not where their run's store keeps them.

    Raises:
        ApiError: 400 `location_not_allowed`.
    """
    if not end.outputs:
        return
    artifact_store = run_artifact_store(state, state.session.store.get_run(step_run.run_id))
    for output in end.outputs:
        _check_output(artifact_store, step_run.name, output)


def artifact_version_store(state: ServerState, version: ArtifactVersion) -> ArtifactStore:
    """The artifact store that holds `version`'s bytes: its producing run's, checked.

    Raises:
        ApiError: 409 `location_not_allowed`, the version's URI is not the folder its
            store keeps for its content hash.
    """
    artifact_store = _producer_store(state, version)
    if not _is_artifact_folder(artifact_store, version.uri, version.content_hash):
        raise ApiError(
            409,
            "location_not_allowed",
            f"Artifact '{version.artifact_name}' version {version.version} is recorded at "
            f"'{version.uri}', which is not the folder its artifact store keeps for its "
            f"content, so the server will not read it.",
        )
    return artifact_store


def step_log_store(state: ServerState, step: StepRun) -> ArtifactStore | None:
    """The artifact store holding `step`'s log, or None when it has no log the server
    may read (none recorded, or recorded somewhere its run's store would not put it)."""
    if step.log_uri is None:
        return None
    run = state.session.store.get_run(step.run_id)
    artifact_store = run_artifact_store(state, run)
    if step.log_uri != artifact_store.log_uri(str(run.id), step.name):
        return None
    return artifact_store


def _producer_store(state: ServerState, version: ArtifactVersion) -> ArtifactStore:
    session = state.session
    if version.producer_step_run_id is not None:
        try:
            producer = session.store.get_step_run(version.producer_step_run_id)
            return run_artifact_store(state, session.store.get_run(producer.run_id))
        except EntityNotFoundError:
            pass  # its run was deleted since; artifacts outlive runs
    # No run to ask: the server's default store, or one of the artifact's project.
    project_id = session.store.get_artifact(version.artifact_id).project_id
    for artifact_store in _project_artifact_stores(session, project_id):
        if _is_artifact_folder(artifact_store, version.uri, version.content_hash):
            if state.artifact_roots is not None:
                state.artifact_roots.check(artifact_store, name=artifact_store.url)
            return artifact_store
    return session.default_artifact_store


def _project_artifact_stores(session: Session, project_id: object) -> list[ArtifactStore]:
    from headwater.store.filters import ListQuery

    stores = [session.default_artifact_store]
    found = session.store.list_stack_components(
        ListQuery(filters={"type": StackComponentType.ARTIFACT_STORE.value}, size=1000)
    )
    for component in found.items:
        if component.project_id != project_id:
            continue
        try:
            stores.append(session.artifact_store_of(component))
        except HeadwaterError:
            continue  # a flavor this process lacks, or an unreachable location
    return stores


def _check_output(
    artifact_store: ArtifactStore, step_name: str, output: ArtifactVersionCreate
) -> None:
    where = f"Output '{output.output_name}' of step '{step_name}'"
    if not _is_artifact_folder(artifact_store, output.uri, output.content_hash):
        raise _not_allowed(
            f"{where} is recorded at '{output.uri}', but its bytes must lie in the folder "
            f"its run's artifact store keeps for its content hash '{output.content_hash[:80]}'."
        )
    for view in output.visualizations:
        if not _is_inside(view.uri, output.uri):
            raise _not_allowed(
                f"{where} has a visualization at '{view.uri}', outside the artifact's folder "
                f"'{output.uri}'. Save visualizations inside the artifact's folder."
            )


def _is_artifact_folder(artifact_store: ArtifactStore, uri: str, content_hash: str) -> bool:
    try:
        return uri == artifact_store.artifact_uri(content_hash)
    except HeadwaterError:
        return False


def _is_inside(uri: str, folder: str) -> bool:
    scheme, separator, rest = uri.partition("://")
    normalized = (
        f"{scheme}{separator}{posixpath.normpath(rest)}" if separator else posixpath.normpath(uri)
    )
    return normalized.startswith(folder.rstrip("/") + "/") and "\x00" not in uri


def _check_same_project(session: Session, run: PipelineRun, component: StackComponent) -> None:
    if component.project_id == run.project_id:
        return
    from headwater.config import DEFAULT_PROJECT

    # The default project's stacks (the `default` stack above all) serve every project.
    if component.project_id == session.store.get_project(DEFAULT_PROJECT).id:
        return
    raise ApiError(
        409,
        "location_not_allowed",
        f"Run '{run.name}' executes on the artifact store '{component.name}' of another "
        f"project; a run's bytes must lie in an artifact store of its own project.",
    )


def _store_gone(run: PipelineRun, name: str, why: str = "it was deleted") -> ApiError:
    return ApiError(
        409,
        "artifact_store_unavailable",
        f"The artifact store '{name}' of run '{run.name}' cannot be opened: {why}.",
    )


def _not_allowed(message: str) -> ApiError:
    return ApiError(400, "location_not_allowed", message)

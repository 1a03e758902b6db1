"""Worker tokens: access tokens scoped to one run, for the workers that execute its steps.

A worker (a Ray task on another machine, say) records its step through the server with
a token the server issued for that run (`POST /runs/{run_id}/worker-token`), never with
the user's own. The token names the user, so what it records is theirs, and the run: it
reads what the user may read, and writes only what executing that run's steps takes, on
that run alone. A leaked worker token cannot record into another run, stop or delete a
run, mint tokens, or change the user's account.

It lasts as long as its run: a run's steps may take longer than a login does, and once
the run has ended (or was deleted) its workers have nothing left to record, so the token
is refused from then on. A password change or "log out everywhere" ends it too.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from fastapi import Request

from headwater.errors import ApiError, HeadwaterError
from headwater.server.scopes import Locator

if TYPE_CHECKING:
    from headwater.store.base import Store

# A cap on a worker token's life; the end of its run ends it sooner.
WORKER_TOKEN_SECONDS = 30 * 24 * 3600
_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# The writes executing a step takes; each names the run, or a step run or artifact
# version of it, and must name the token's run.
_RUN_WRITES = frozenset(
    {"start_step_run", "finish_step_run", "record_run_heartbeat", "add_metadata", "add_tags"}
)
# Writes a step makes beyond its run (the model version it works on), and POSTs that
# only read.
_OTHER_WRITES = frozenset(
    {
        "resolve_model_version",
        "link_artifacts_to_model_version",
        "lookup_artifact_versions",
        # A step claims the byte folders of its outputs until they are recorded.
        "claim_artifact_uris",
        "release_artifact_claim",
    }
)
# What a step may record metadata and tags about besides its run's own entities.
_MODEL_LOCATORS = frozenset({Locator.MODEL, Locator.MODEL_VERSION})


def operation_of(request: Request) -> str:
    """The operation id of the route a request matched ("" before routing)."""
    return str(getattr(request.scope.get("route"), "operation_id", ""))


def check_worker_operation(request: Request, run_id: uuid.UUID) -> None:
    """Refuse a write that executing steps never makes, sent with a worker token.

    Raises:
        ApiError: 403, naming the token's run.
    """
    if request.method in _READ_METHODS:
        return
    operation = operation_of(request)
    if operation in _RUN_WRITES or operation in _OTHER_WRITES:
        return
    raise _refused(request, run_id, "it only records the steps of its run")


def is_run_unfinished(store: Store, run_id: uuid.UUID) -> bool:
    """Whether a worker token's run still runs (False once it ended or was deleted)."""
    try:
        return not store.get_run(run_id).status.is_finished
    except HeadwaterError:
        return False


def check_worker_target(
    request: Request, store: Store, reference: tuple[Locator, str], run_id: uuid.UUID
) -> None:
    """Refuse a worker token's write on anything but its own run's entities.

    Raises:
        ApiError: 403 when the run, step run or artifact version written to is another
            run's (or none at all).
    """
    locator, ref = reference
    if operation_of(request) not in _RUN_WRITES or locator in _MODEL_LOCATORS:
        return
    if run_of(store, locator, ref) != run_id:
        raise _refused(request, run_id, f"{locator.value.replace('_', ' ')} '{ref}' is not of it")


def run_of(store: Store, locator: Locator, ref: str) -> uuid.UUID | None:
    """The run a run, step run or artifact version belongs to; None if none or unknown."""
    try:
        if locator is Locator.RUN:
            return store.get_run(ref).id
        if locator is Locator.STEP_RUN:
            return store.get_step_run(uuid.UUID(ref)).run_id
        if locator is Locator.ARTIFACT_VERSION:
            producer = store.get_artifact_version(uuid.UUID(ref)).producer_step_run_id
            return None if producer is None else store.get_step_run(producer).run_id
    except (HeadwaterError, ValueError):
        return None
    return None


def _refused(request: Request, run_id: uuid.UUID, why: str) -> ApiError:
    return ApiError(
        403,
        "forbidden",
        f"{request.method} {request.url.path} was sent with a worker token of run "
        f"'{run_id}', and {why}. Send it with your own token (`headwater login`).",
        details={"worker_run_id": str(run_id)},
    )

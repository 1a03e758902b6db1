"""`POST /runs/{run_id}/worker-token`: a token for the workers that execute a run's steps."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from headwater.server.dependencies import SessionDep, StateDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.server.identity import current_login
from headwater.server.run_tokens import WORKER_TOKEN_SECONDS
from headwater.server.tokens import issue_token

router = APIRouter(tags=["runs"], responses=ERROR_RESPONSES)


class WorkerToken(BaseModel):
    """A bearer token scoped to one run; None from a server that needs no login."""

    token: str | None
    expires_in: int


@router.post("/runs/{run_id}/worker-token", operation_id="issue_worker_token")
def issue_worker_token(
    run_id: str, request: Request, session: SessionDep, state: StateDep
) -> WorkerToken:
    """A token for the run's workers, in place of the caller's own.

    It names the caller and the run: it reads what the caller may read, and writes only
    that run's steps (their start and end, metadata, heartbeats), as the caller. It
    lasts until the run ends (at most 30 days), however long its steps take; a new
    password or "log out everywhere" ends it sooner.
    """
    run = session.store.get_run(run_id)
    login = current_login(request)
    if login is None:
        return WorkerToken(token=None, expires_in=0)
    token = issue_token(
        state.token_secret,
        login.user_id,
        WORKER_TOKEN_SECONDS,
        epoch=login.token_epoch,
        run_id=run.id,
    )
    return WorkerToken(token=token, expires_in=WORKER_TOKEN_SECONDS)

"""Who may still approve a pending request: for the dashboard's "waiting on" line.

Read from the same tables the access check enforces (`access.load_caller`): every user
holding `model_version:promote` in the model's project, less the requester (who may not
approve their own request) and those who voted already.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from headwater.server.access import load_caller
from headwater.server.dependencies import ServerState
from headwater.server.identity import find_login
from headwater.store.filters import ListQuery
from headwater.store.model_approvals import ApprovalRequest, RequestStatus
from headwater.store.permissions import Action, Permission, Resource

# More users than a team server has; the list stays one page.
_MAX_USERS = 10_000
_PROMOTE = Permission(Resource.MODEL_VERSION, Action.PROMOTE)


class Approvers(BaseModel):
    """Who may still vote on a request. `names` is None when the server keeps no logins
    (local mode): then anyone but the requester may vote."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    names: list[str] | None


def remaining_approvers(state: ServerState, request: ApprovalRequest) -> Approvers:
    """The users who may still approve `request` (none once it is decided)."""
    if state.auth_mode != "server":
        return Approvers(names=None)
    if request.status is not RequestStatus.PENDING:
        return Approvers(names=[])
    store = state.session.store
    project_id = store.get_model(str(request.model_id)).project_id
    voted = {vote.user_name for vote in request.votes} | {request.requested_by}
    users = store.list_users(ListQuery(sort_by="asc:name", size=_MAX_USERS)).items
    names = []
    for user in users:
        login = find_login(state, user.id) if user.name not in voted else None
        if login is not None and _PROMOTE in load_caller(state, login).permissions_in(project_id):
            names.append(user.name)
    return Approvers(names=names)

"""`/teams`: groups of users that are granted project roles together."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status

from headwater.errors import ApiError
from headwater.server.access import CallerDep
from headwater.server.dependencies import AccessStoreDep
from headwater.server.directory import visible_directory, visible_teams
from headwater.server.errors import ERROR_RESPONSES
from headwater.store.access_models import Team, TeamCreate

router = APIRouter(tags=["teams"], responses=ERROR_RESPONSES)
_NO_CONTENT = status.HTTP_204_NO_CONTENT


@router.get("/teams", operation_id="list_teams")
def list_teams(store: AccessStoreDep, caller: CallerDep) -> list[Team]:
    """List the teams the caller may see, with their members.

    Server admins see every team; others their own and those holding a role in a
    project whose members they may read.
    """
    return visible_teams(store.list_teams(), visible_directory(store, caller))


@router.post("/teams", operation_id="create_team", status_code=status.HTTP_201_CREATED)
def create_team(team: TeamCreate, store: AccessStoreDep) -> Team:
    """Create a team with its first members (existing users)."""
    return store.create_team(team)


@router.get("/teams/{team_id}", operation_id="get_team")
def get_team(team_id: str, store: AccessStoreDep, caller: CallerDep) -> Team:
    """Get a team by name or id (one the caller may not see answers 404)."""
    team = store.get_team(team_id)
    if not visible_teams([team], visible_directory(store, caller)):
        raise ApiError(
            404,
            "not_found",
            f"No team '{team_id}' that you can see. Check the name, or ask a server admin.",
        )
    return team


@router.delete("/teams/{team_id}", operation_id="delete_team", status_code=_NO_CONTENT)
def delete_team(team_id: str, request: Request, store: AccessStoreDep) -> Response:
    """Delete a team; the project roles granted to it go too."""
    # The answer is empty and the team is gone after: name it for the audit trail now.
    request.state.audit_resource_name = store.get_team(team_id).name
    store.delete_team(team_id)
    return Response(status_code=_NO_CONTENT)


@router.put("/teams/{team_id}/members/{user_name}", operation_id="add_team_member")
def add_team_member(team_id: str, user_name: str, store: AccessStoreDep) -> Team:
    """Add a user to a team."""
    return store.add_team_member(team_id, user_name)


@router.delete("/teams/{team_id}/members/{user_name}", operation_id="remove_team_member")
def remove_team_member(team_id: str, user_name: str, store: AccessStoreDep) -> Team:
    """Remove a user from a team."""
    return store.remove_team_member(team_id, user_name)

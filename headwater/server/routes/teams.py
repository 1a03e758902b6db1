"""`/teams`: groups of users that are granted project roles together."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from headwater.server.dependencies import AccessStoreDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.store.access_models import Team, TeamCreate

router = APIRouter(tags=["teams"], responses=ERROR_RESPONSES)
_NO_CONTENT = status.HTTP_204_NO_CONTENT


@router.get("/teams", operation_id="list_teams")
def list_teams(store: AccessStoreDep) -> list[Team]:
    """List teams with their members."""
    return store.list_teams()


@router.post("/teams", operation_id="create_team", status_code=status.HTTP_201_CREATED)
def create_team(team: TeamCreate, store: AccessStoreDep) -> Team:
    """Create a team with its first members (existing users)."""
    return store.create_team(team)


@router.get("/teams/{team_id}", operation_id="get_team")
def get_team(team_id: str, store: AccessStoreDep) -> Team:
    """Get a team by name or id."""
    return store.get_team(team_id)


@router.delete("/teams/{team_id}", operation_id="delete_team", status_code=_NO_CONTENT)
def delete_team(team_id: str, store: AccessStoreDep) -> Response:
    """Delete a team; the project roles granted to it go too."""
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

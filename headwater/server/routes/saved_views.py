"""`/projects/{project_id}/saved-views`: the runs list's named views, shared per project.

Whoever may read a project's runs may list its views and save their own; a view is
overwritten or deleted only by the user who saved it, or by a server admin.
"""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from headwater.errors import PermissionDeniedError
from headwater.server.access import Caller, CallerDep
from headwater.server.dependencies import SavedViewStoreDep, SessionDep
from headwater.server.errors import ERROR_RESPONSES
from headwater.store.saved_views import SavedView, SavedViewSave
from headwater.store.value_types import Name

router = APIRouter(tags=["saved views"], responses=ERROR_RESPONSES)
_NO_CONTENT = status.HTTP_204_NO_CONTENT


@router.get("/projects/{project_id}/saved-views", operation_id="list_saved_views")
def list_saved_views(
    project_id: str, session: SessionDep, store: SavedViewStoreDep
) -> list[SavedView]:
    """List the saved views of a project's runs list (project by name or id), by name."""
    return store.list_saved_views(session.store.get_project(project_id).id)


@router.put("/projects/{project_id}/saved-views/{name}", operation_id="save_view")
def save_view(
    project_id: str,
    name: Name,
    body: SavedViewSave,
    session: SessionDep,
    store: SavedViewStoreDep,
    caller: CallerDep,
) -> SavedView:
    """Save the runs list's columns, filters and sort as a named view of the project.

    Saving a name again overwrites your own view; another user's view of that name
    answers 409.
    """
    project = session.store.get_project(project_id)
    owner = None if caller.login is None else caller.login.user_id
    return store.save_view(project.id, name, body, owner_id=owner)


@router.delete(
    "/projects/{project_id}/saved-views/{name}",
    operation_id="delete_saved_view",
    status_code=_NO_CONTENT,
)
def delete_saved_view(
    project_id: str, name: Name, session: SessionDep, store: SavedViewStoreDep, caller: CallerDep
) -> Response:
    """Delete a saved view: your own, or any as a server admin."""
    project = session.store.get_project(project_id)
    view = store.get_saved_view(project.id, name)
    _check_may_change(caller, view)
    store.delete_saved_view(project.id, name)
    return Response(status_code=_NO_CONTENT)


def _check_may_change(caller: Caller, view: SavedView) -> None:
    if caller.is_unrestricted or view.owner_id is None:
        return
    assert caller.login is not None  # only local mode has no login, and it is unrestricted
    if view.owner_id != caller.login.user_id:
        raise PermissionDeniedError(
            f"The view '{view.name}' was saved by '{view.owner_name}', so only they or a "
            f"server admin may delete it. Save a copy under another name instead."
        )

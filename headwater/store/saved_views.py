"""Saved views of the runs list: a named set of columns, filters and sort, per project.

A view belongs to the project it was saved in and is shared with everyone who may read
that project's runs; the user who saved it (its owner) is the one who may overwrite or
delete it, besides a server admin. The dashboard saves its runs list's URL search as
`search` and its metadata columns as `columns`, so opening a view is opening a link.

Kept apart from `Store`, like `AccessStore`: only a server keeps views (the dashboard
is their one reader); the SQL store implements the role.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from headwater.store.value_types import Name

MAX_COLUMNS = 50
MAX_SEARCH_FIELDS = 20
# A URL search value: the runs list's filter text, a status list, a date.
SearchValue = Annotated[str, StringConstraints(max_length=2_000)]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class SavedViewSave(_Frozen):
    """What a view keeps: the metadata keys shown as columns, in order, and the list's
    filters and sort as the runs list's URL search (`status`, `pipeline`, `metadata`,
    `sort`, `desc`, ...)."""

    columns: tuple[Name, ...] = Field(default=(), max_length=MAX_COLUMNS)
    search: dict[Name, SearchValue] = Field(default_factory=dict, max_length=MAX_SEARCH_FIELDS)


class SavedView(_Frozen):
    """A saved view of a project's runs list."""

    id: uuid.UUID
    project_id: uuid.UUID
    name: str
    columns: tuple[str, ...]
    search: dict[str, str]
    # Who saved it; None when it was saved on a local server, where nobody logs in.
    owner_id: uuid.UUID | None
    owner_name: str | None
    created: dt.datetime
    updated: dt.datetime


@runtime_checkable
class SavedViewStore(Protocol):
    """The runs list's saved views, per project."""

    def list_saved_views(self, project_id: uuid.UUID) -> list[SavedView]:
        """Every view saved in the project, sorted by name."""
        ...

    def save_view(
        self, project_id: uuid.UUID, name: str, view: SavedViewSave, *, owner_id: uuid.UUID | None
    ) -> SavedView:
        """Create the view `name`, or overwrite it when `owner_id` saved it (or is None).

        Raises:
            EntityExistsError: another user saved a view of that name in the project.
        """
        ...

    def delete_saved_view(self, project_id: uuid.UUID, name: str) -> None:
        """Delete the view `name` of the project.

        Raises:
            EntityNotFoundError: the project has no view of that name.
        """
        ...

    def get_saved_view(self, project_id: uuid.UUID, name: str) -> SavedView:
        """The view `name` of the project.

        Raises:
            EntityNotFoundError: the project has no view of that name.
        """
        ...

"""Stack components: a flavor's name and settings per record, secret settings kept apart.

The `settings` column holds the plain settings and, for each secret setting, the mask
`****`; the values live in `stack_component_secrets`, encrypted (`secret_box`), which
only `get_stack_component_secrets` reads and decrypts.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError

from headwater.errors import EntityExistsError, EntityInUseError, EntityNotFoundError
from headwater.store.listings import STACK_COMPONENTS
from headwater.store.models import Page
from headwater.store.sql import pipelines as pipeline_rows
from headwater.store.sql.filtering import (
    ColumnFilter,
    FieldKind,
    Listing,
    listed_rows,
    project_column,
)
from headwater.store.sql.ids import new_id
from headwater.store.sql.schema import (
    stack_component_links,
    stack_component_secrets,
    stack_components,
    stacks,
)
from headwater.store.sql.secret_box import is_sealed, open_secrets, seal_secrets
from headwater.store.stack_models import (
    SECRET_MASK,
    StackComponent,
    StackComponentCreate,
    StackComponentType,
    StackComponentUpdate,
)

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import ListQuery

_LISTING = Listing(
    declared=STACK_COMPONENTS,
    filters={
        "id": ColumnFilter(stack_components.c.id, FieldKind.ID),
        "name": ColumnFilter(stack_components.c.name, FieldKind.TEXT),
        "type": ColumnFilter(stack_components.c.type, FieldKind.TEXT),
        "flavor": ColumnFilter(stack_components.c.flavor, FieldKind.TEXT),
        "created": ColumnFilter(stack_components.c.created, FieldKind.DATETIME),
    },
    sort_columns={
        "created": stack_components.c.created,
        "name": stack_components.c.name,
        "type": stack_components.c.type,
        "flavor": stack_components.c.flavor,
    },
    id_column=stack_components.c.id,
    project=project_column(stack_components.c.project_id),
)


def create_stack_component(
    connection: Connection, component: StackComponentCreate, now: dt.datetime
) -> StackComponent:
    """Insert a component (and its secrets, apart).

    Raises:
        EntityExistsError: a component of that type already has the name.
    """
    project_id = pipeline_rows.ensure_project(connection, component.project_name, now)
    values: dict[str, Any] = {
        "id": new_id(),
        "project_id": project_id,
        "name": component.name,
        "type": component.type.value,
        "flavor": component.flavor,
        "settings": _masked(component.settings, component.secrets),
        "created": now,
    }
    _check_name_free(connection, project_id, component.type, component.name)
    try:
        connection.execute(stack_components.insert(), values)
    except IntegrityError as exc:  # another process registered the name a moment ago
        raise _name_taken(component.type, component.name) from exc
    _write_secrets(connection, values["id"], component.secrets)
    return load_components(connection, [values["id"]])[values["id"]]


def get_stack_component(
    connection: Connection,
    name_or_id: uuid.UUID | str,
    component_type: StackComponentType | None = None,
) -> StackComponent:
    """A component by id, or by name (and type, when names repeat across types).

    Raises:
        EntityNotFoundError: no component matches, or the name is used by several types
            and no type was given.
    """
    component_id = pipeline_rows.as_id(name_or_id)
    statement = select(stack_components.c.id, stack_components.c.type)
    if component_id is not None:
        statement = statement.where(stack_components.c.id == component_id)
    else:
        statement = statement.where(stack_components.c.name == str(name_or_id))
    if component_type is not None:
        statement = statement.where(stack_components.c.type == component_type.value)
    rows = connection.execute(statement.order_by(stack_components.c.created)).all()
    if not rows:
        raise _not_found(name_or_id, component_type)
    if len(rows) > 1:
        types = ", ".join(f"'{row.type}'" for row in rows)
        raise EntityNotFoundError(
            f"Several stack components are named '{name_or_id}' (of types {types}). Say "
            f"which one with its type (`--type` on the command line, `component_type=` in "
            f"Python) or its id."
        )
    return load_components(connection, [rows[0].id])[rows[0].id]


def list_stack_components(connection: Connection, query: ListQuery) -> Page[StackComponent]:
    """A page of components matching the query."""
    rows, total = listed_rows(connection, stack_components, _LISTING, query)
    secret_keys = _secret_keys(connection, [row.id for row in rows])
    items = tuple(_component(row, secret_keys.get(row.id, ())) for row in rows)
    return Page(items=items, index=query.index, size=query.size, total=total)


def update_stack_component(
    connection: Connection, component_id: uuid.UUID, change: StackComponentUpdate
) -> StackComponent:
    """Rename a component or replace its settings and secrets.

    Raises:
        EntityNotFoundError: no component has the id.
        EntityExistsError: the new name is taken by another component of its type.
    """
    current = load_components(connection, [component_id]).get(component_id)
    if current is None:
        raise _not_found(component_id, None)
    values: dict[str, Any] = {}
    if change.name is not None and change.name != current.name:
        _check_name_free(connection, current.project_id, current.type, change.name)
        values["name"] = change.name
    secrets = change.secrets
    if change.settings is not None or secrets is not None:
        kept_secrets = secrets if secrets is not None else read_secrets(connection, component_id)
        settings = change.settings if change.settings is not None else _plain(current)
        values["settings"] = _masked(settings, kept_secrets)
    if values:
        connection.execute(
            update(stack_components).where(stack_components.c.id == component_id).values(values)
        )
    if secrets is not None:
        _write_secrets(connection, component_id, secrets)
    return load_components(connection, [component_id])[component_id]


def delete_stack_component(connection: Connection, component_id: uuid.UUID) -> None:
    """Delete a component no stack uses.

    Raises:
        EntityNotFoundError: no component has the id.
        EntityInUseError: stacks use the component; the message names them.
    """
    component = load_components(connection, [component_id]).get(component_id)
    if component is None:
        raise _not_found(component_id, None)
    users = connection.execute(
        select(stacks.c.name)
        .join(stack_component_links, stack_component_links.c.stack_id == stacks.c.id)
        .where(stack_component_links.c.component_id == component_id)
        .order_by(stacks.c.name)
    ).scalars()
    names = list(users)
    if names:
        users_text = (
            f"the stack '{names[0]}' uses it"
            if len(names) == 1
            else f"the stacks {', '.join(repr(n) for n in names)} use it"
        )
        raise EntityInUseError(
            f"Cannot delete {component.type.value} '{component.name}': {users_text}. Give "
            f"{'it' if len(names) == 1 else 'them'} another {component.type.value} "
            f"(`headwater stack update`) or delete {'it' if len(names) == 1 else 'them'} first."
        )
    connection.execute(delete(stack_components).where(stack_components.c.id == component_id))


def read_secrets(connection: Connection, component_id: uuid.UUID) -> dict[str, str]:
    """A component's secret settings in clear (empty when it has none)."""
    found = connection.execute(
        select(stack_component_secrets.c.secrets).where(
            stack_component_secrets.c.component_id == component_id
        )
    ).scalar()
    return open_secrets(dict(found or {}), component=str(component_id))


def seal_plain_secrets(connection: Connection) -> int:
    """Encrypt the secrets stored in clear before encryption existed; how many rows."""
    rows = connection.execute(select(stack_component_secrets)).all()
    plain = [row for row in rows if not all(is_sealed(v) for v in row.secrets.values())]
    for row in plain:
        connection.execute(
            update(stack_component_secrets)
            .where(stack_component_secrets.c.component_id == row.component_id)
            .values(secrets=seal_secrets(dict(row.secrets)))
        )
    return len(plain)


def load_components(
    connection: Connection, component_ids: list[uuid.UUID]
) -> dict[uuid.UUID, StackComponent]:
    """Many components in two queries, keyed by id (missing ids are absent)."""
    if not component_ids:
        return {}
    rows = connection.execute(
        select(stack_components).where(stack_components.c.id.in_(component_ids))
    ).all()
    secret_keys = _secret_keys(connection, component_ids)
    return {row.id: _component(row, secret_keys.get(row.id, ())) for row in rows}


def _secret_keys(
    connection: Connection, component_ids: list[uuid.UUID]
) -> dict[uuid.UUID, tuple[str, ...]]:
    if not component_ids:
        return {}
    rows = connection.execute(
        select(stack_component_secrets).where(
            stack_component_secrets.c.component_id.in_(component_ids)
        )
    )
    # Only the keys leave this function; the values are dropped here.
    return {row.component_id: tuple(sorted(row.secrets)) for row in rows}


def _write_secrets(
    connection: Connection, component_id: uuid.UUID, secrets: dict[str, str]
) -> None:
    connection.execute(
        delete(stack_component_secrets).where(
            stack_component_secrets.c.component_id == component_id
        )
    )
    if secrets:
        connection.execute(
            stack_component_secrets.insert(),
            {"component_id": component_id, "secrets": seal_secrets(secrets)},
        )


def _check_name_free(
    connection: Connection, project_id: uuid.UUID, component_type: StackComponentType, name: str
) -> None:
    taken = connection.execute(
        select(stack_components.c.id).where(
            stack_components.c.project_id == project_id,
            stack_components.c.type == component_type.value,
            stack_components.c.name == name,
        )
    ).first()
    if taken is not None:
        raise _name_taken(component_type, name)


def _masked(settings: dict[str, Any], secrets: dict[str, str]) -> dict[str, Any]:
    return {**settings, **dict.fromkeys(secrets, SECRET_MASK)}


def _plain(component: StackComponent) -> dict[str, Any]:
    return {k: v for k, v in component.settings.items() if k not in component.secret_keys}


def _component(row: Row[*tuple[Any, ...]], secret_keys: tuple[str, ...]) -> StackComponent:
    return StackComponent(
        id=row.id,
        project_id=row.project_id,
        name=row.name,
        type=StackComponentType(row.type),
        flavor=row.flavor,
        settings=dict(row.settings),
        secret_keys=secret_keys,
        created=row.created,
    )


def _name_taken(component_type: StackComponentType, name: str) -> EntityExistsError:
    return EntityExistsError(
        f"A {component_type.value} named '{name}' is already registered. Choose another "
        f"name, or change the existing one with `headwater component update`."
    )


def _not_found(
    name_or_id: uuid.UUID | str, component_type: StackComponentType | None
) -> EntityNotFoundError:
    kind = component_type.value if component_type is not None else "stack component"
    return EntityNotFoundError(
        f"No {kind} with id or name '{name_or_id}'. List components with "
        f"`headwater component list`."
    )

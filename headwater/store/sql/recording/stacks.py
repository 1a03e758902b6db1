"""Reading the stack a run uses, and recording it with the run (`record_run_stack`)."""

from __future__ import annotations

import uuid
from typing import Any

from headwater.errors import EntityNotFoundError
from headwater.store.sql.prepared import Executor, PreparedStatement
from headwater.store.sql.recording.rows import as_id, table_named
from headwater.store.stack_models import (
    RunStackComponent,
    Stack,
    StackComponent,
    StackComponentType,
)


def _by_id(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    stacks = table_named("stacks")
    return select(stacks).where(stacks.c.id == bindparam("stack_id"))


def _id_by_name(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    stacks = table_named("stacks").c
    return (
        select(stacks.id).where(stacks.name == bindparam("name")).order_by(stacks.created).limit(1)
    )


def _components_of(_dialect: str) -> Any:
    from sqlalchemy import bindparam, select

    links, components = table_named("stack_component_links"), table_named("stack_components")
    secrets = table_named("stack_component_secrets")
    return (
        select(components, secrets.c.secrets)
        .select_from(
            links.join(components, components.c.id == links.c.component_id).outerjoin(
                secrets, secrets.c.component_id == components.c.id
            )
        )
        .where(links.c.stack_id == bindparam("stack_id"))
    )


_SELECT_BY_ID = PreparedStatement(_by_id, name="stacks.by_id")
_SELECT_ID_BY_NAME = PreparedStatement(_id_by_name, name="stacks.id_by_name")
_SELECT_COMPONENTS_OF = PreparedStatement(_components_of, name="stacks.components_of")
_INSERT_RUN_STACK = PreparedStatement(
    lambda _dialect: table_named("run_stacks").insert(), name="stacks.insert_run_stack"
)


def get_stack(connection: Executor, name_or_id: uuid.UUID | str) -> Stack:
    """A stack by id or name.

    Raises:
        EntityNotFoundError: no stack has that id or name.
    """
    stack_id = as_id(name_or_id)
    if stack_id is not None:
        # By id (how runs find the active stack): load it without looking it up first.
        found = _load_stack(connection, stack_id)
        if found is not None:
            return found
    named = _SELECT_ID_BY_NAME.first(connection, {"name": str(name_or_id)})
    loaded = None if named is None else _load_stack(connection, named["id"])
    if loaded is None:
        raise EntityNotFoundError(
            f"No stack with id or name '{name_or_id}'. List stacks with `headwater stack list`."
        )
    return loaded


def record_run_stack(connection: Executor, run_id: uuid.UUID, stack_id: uuid.UUID) -> None:
    """Record that a run executes on a stack, copying its components' settings now.

    Raises:
        EntityNotFoundError: no stack has the id.
    """
    stack = get_stack(connection, stack_id)
    components = {
        t.value: RunStackComponent(
            id=c.id, name=c.name, type=c.type, flavor=c.flavor, settings=c.settings
        ).model_dump(mode="json")
        for t, c in stack.components.items()
    }
    _INSERT_RUN_STACK.execute(
        connection,
        {
            "run_id": run_id,
            "stack_id": stack.id,
            "stack_name": stack.name,
            "components": components,
        },
    )


def _load_stack(connection: Executor, stack_id: uuid.UUID) -> Stack | None:
    row = _SELECT_BY_ID.first(connection, {"stack_id": stack_id})
    if row is None:
        return None
    found: dict[StackComponentType, StackComponent] = {}
    for component in _SELECT_COMPONENTS_OF.execute(connection, {"stack_id": stack_id}):
        # Only the keys of the secrets leave this function; the values are dropped here.
        secret_keys = tuple(sorted(component["secrets"] or ()))
        found[StackComponentType(component["type"])] = component_from_row(component, secret_keys)
    ordered = {t: found[t] for t in StackComponentType if t in found}
    return Stack(
        id=row["id"],
        project_id=row["project_id"],
        name=row["name"],
        created=row["created"],
        components=ordered,
    )


def component_from_row(row: Any, secret_keys: tuple[str, ...]) -> StackComponent:
    """The component in a `stack_components` row (a mapping or a SQLAlchemy row)."""
    return StackComponent(
        id=row["id"],
        project_id=row["project_id"],
        name=row["name"],
        type=StackComponentType(row["type"]),
        flavor=row["flavor"],
        settings=dict(row["settings"]),
        secret_keys=secret_keys,
        created=row["created"],
    )

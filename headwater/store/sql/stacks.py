"""Stacks: one component per type, an orchestrator and an artifact store at least; and
the copy of a stack each run records when it starts."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, delete, exists, select, update
from sqlalchemy.exc import IntegrityError

from headwater.errors import EntityExistsError, StackValidationError
from headwater.store.listings import STACKS
from headwater.store.models import Page
from headwater.store.sql import pipelines as pipeline_rows
from headwater.store.sql.filtering import (
    ColumnFilter,
    ConditionBuilder,
    FieldKind,
    Listing,
    listed_rows,
    project_column,
    text_condition,
)
from headwater.store.sql.ids import new_id
from headwater.store.sql.recording.stacks import get_stack
from headwater.store.sql.schema import run_stacks, stack_component_links, stack_components, stacks
from headwater.store.sql.stack_components import load_components
from headwater.store.stack_models import (
    REQUIRED_COMPONENT_TYPES,
    RunStack,
    RunStackComponent,
    Stack,
    StackComponent,
    StackComponentType,
    StackCreate,
    StackUpdate,
)

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.filters import Condition, ListQuery


def _component_filter(column: ColumnElement[Any], *, is_id: bool) -> ConditionBuilder:
    """Stacks having a component whose name (or id) matches the condition."""

    def build(condition: Condition) -> ColumnElement[bool]:
        match = column == pipeline_rows.as_id(str(condition.value)) if is_id else None
        return exists(
            select(stack_component_links.c.stack_id)
            .join(stack_components, stack_components.c.id == stack_component_links.c.component_id)
            .where(
                stack_component_links.c.stack_id == stacks.c.id,
                match if match is not None else text_condition(column, condition),
            )
        )

    return build


_LISTING = Listing(
    declared=STACKS,
    filters={
        "id": ColumnFilter(stacks.c.id, FieldKind.ID),
        "name": ColumnFilter(stacks.c.name, FieldKind.TEXT),
        "created": ColumnFilter(stacks.c.created, FieldKind.DATETIME),
        "component": _component_filter(stack_components.c.name, is_id=False),
        "component_id": _component_filter(stack_components.c.id, is_id=True),
    },
    sort_columns={"created": stacks.c.created, "name": stacks.c.name},
    id_column=stacks.c.id,
    project=project_column(stacks.c.project_id),
)


def create_stack(connection: Connection, stack: StackCreate, now: dt.datetime) -> Stack:
    """Insert a stack and link its components.

    Raises:
        EntityExistsError: a stack already has the name.
        StackValidationError: listing every problem with the components (missing
            required types, unknown ids, a component given for the wrong type).
    """
    project_id = pipeline_rows.ensure_project(connection, stack.project_name, now)
    _check_name_free(connection, project_id, stack.name)
    _validate_components(connection, stack.name, stack.components)
    stack_id = new_id()
    values = {"id": stack_id, "project_id": project_id, "name": stack.name, "created": now}
    try:
        connection.execute(stacks.insert(), values)
    except IntegrityError as exc:  # another process took the name a moment ago
        raise _name_taken(stack.name) from exc
    _link(connection, stack_id, list(stack.components.values()))
    return _load_stacks(connection, [stack_id])[stack_id]


def list_stacks(connection: Connection, query: ListQuery) -> Page[Stack]:
    """A page of stacks matching the query, each with its components."""
    rows, total = listed_rows(connection, stacks, _LISTING, query, columns=[stacks.c.id])
    ids = [row.id for row in rows]
    loaded = _load_stacks(connection, ids)
    items = tuple(loaded[stack_id] for stack_id in ids)
    return Page(items=items, index=query.index, size=query.size, total=total)


def update_stack(connection: Connection, stack_id: uuid.UUID, change: StackUpdate) -> Stack:
    """Rename a stack or swap, add and remove its components.

    Raises:
        EntityNotFoundError: no stack has the id.
        EntityExistsError: the new name is taken.
        StackValidationError: the resulting stack is invalid (every problem listed).
    """
    current = get_stack(connection, stack_id)
    if change.name is not None and change.name != current.name:
        _check_name_free(connection, current.project_id, change.name)
        connection.execute(update(stacks).where(stacks.c.id == stack_id).values(name=change.name))
    if change.components:
        merged: dict[StackComponentType, uuid.UUID] = {
            t: c.id for t, c in current.components.items()
        }
        for component_type, component_id in change.components.items():
            if component_id is None:
                merged.pop(component_type, None)
            else:
                merged[component_type] = component_id
        _validate_components(connection, change.name or current.name, merged)
        connection.execute(
            delete(stack_component_links).where(stack_component_links.c.stack_id == stack_id)
        )
        _link(connection, stack_id, list(merged.values()))
    return _load_stacks(connection, [stack_id])[stack_id]


def delete_stack(connection: Connection, stack_id: uuid.UUID) -> None:
    """Delete a stack; its components stay, and runs keep their copy of it.

    Raises:
        EntityNotFoundError: no stack has the id.
    """
    get_stack(connection, stack_id)
    connection.execute(delete(stacks).where(stacks.c.id == stack_id))


def get_run_stack(connection: Connection, run_id: uuid.UUID) -> RunStack | None:
    """The stack a run recorded when it started, or None for runs that recorded none."""
    row = connection.execute(select(run_stacks).where(run_stacks.c.run_id == run_id)).first()
    if row is None:
        return None
    return RunStack(
        run_id=row.run_id,
        stack_id=row.stack_id,
        stack_name=row.stack_name,
        components={
            StackComponentType(t): RunStackComponent.model_validate(c)
            for t, c in row.components.items()
        },
    )


def _load_stacks(connection: Connection, stack_ids: list[uuid.UUID]) -> dict[uuid.UUID, Stack]:
    if not stack_ids:
        return {}
    rows = connection.execute(select(stacks).where(stacks.c.id.in_(stack_ids))).all()
    links = connection.execute(
        select(stack_component_links).where(stack_component_links.c.stack_id.in_(stack_ids))
    ).all()
    components = load_components(connection, list({link.component_id for link in links}))
    by_stack: dict[uuid.UUID, dict[StackComponentType, StackComponent]] = defaultdict(dict)
    for link in links:
        component = components[link.component_id]
        by_stack[link.stack_id][component.type] = component
    return {row.id: _stack(row, dict(by_stack[row.id])) for row in rows}


def _validate_components(
    connection: Connection, stack_name: str, chosen: dict[StackComponentType, uuid.UUID]
) -> None:
    found = load_components(connection, list(chosen.values()))
    problems = [
        f"it needs an {t.value.replace('_', ' ')} (give one with "
        f"`{'-o' if t is StackComponentType.ORCHESTRATOR else '-a'} NAME`)"
        for t in REQUIRED_COMPONENT_TYPES
        if t not in chosen
    ]
    for component_type, component_id in chosen.items():
        component = found.get(component_id)
        if component is None:
            problems.append(
                f"its {component_type.value} '{component_id}' does not exist (list "
                f"components with `headwater component list`)"
            )
        elif component.type is not component_type:
            problems.append(
                f"'{component.name}' is of type '{component.type.value}', so it cannot "
                f"be its {component_type.value}"
            )
    if problems:
        raise StackValidationError(f"Stack '{stack_name}' is invalid: {'; '.join(problems)}.")


def _link(connection: Connection, stack_id: uuid.UUID, component_ids: list[uuid.UUID]) -> None:
    connection.execute(
        stack_component_links.insert(),
        [{"stack_id": stack_id, "component_id": c} for c in component_ids],
    )


def _check_name_free(connection: Connection, project_id: uuid.UUID, name: str) -> None:
    taken = connection.execute(
        select(stacks.c.id).where(stacks.c.project_id == project_id, stacks.c.name == name)
    ).first()
    if taken is not None:
        raise _name_taken(name)


def _stack(
    row: Row[*tuple[Any, ...]], components: dict[StackComponentType, StackComponent]
) -> Stack:
    ordered = {t: components[t] for t in StackComponentType if t in components}
    return Stack(
        id=row.id, project_id=row.project_id, name=row.name, created=row.created, components=ordered
    )


def _name_taken(name: str) -> EntityExistsError:
    return EntityExistsError(
        f"A stack named '{name}' already exists. Choose another name, or change the "
        f"existing stack with `headwater stack update`."
    )

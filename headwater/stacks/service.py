"""Registering components and composing stacks by name: what the Client (and a server)
do before the store records anything.

Names become ids, settings are checked against their flavor and split from secrets, and
every problem of one request is reported in one error.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from headwater.errors import EntityNotFoundError, StackValidationError
from headwater.stacks.flavor_registry import get_flavor
from headwater.stacks.settings import merge_settings, validate_settings
from headwater.store.stack_models import (
    REQUIRED_COMPONENT_TYPES,
    StackComponentCreate,
    StackComponentType,
    StackComponentUpdate,
    StackCreate,
    StackUpdate,
)

if TYPE_CHECKING:
    from headwater.store.base import Store
    from headwater.store.stack_models import Stack, StackComponent

ComponentRef = str | uuid.UUID


def parse_component_type(value: StackComponentType | str) -> StackComponentType:
    """A component type from its name, such as `artifact_store` (or `artifact-store`).

    Raises:
        StackValidationError: no component type has that name.
    """
    if isinstance(value, StackComponentType):
        return value
    try:
        return StackComponentType(value.strip().lower().replace("-", "_"))
    except ValueError:
        raise StackValidationError(
            f"'{value}' is not a stack component type. Use one of: "
            f"{', '.join(t.value for t in StackComponentType)}."
        ) from None


def register_component(
    store: Store,
    *,
    name: str,
    component_type: StackComponentType | str,
    flavor: str,
    configuration: Mapping[str, Any],
) -> StackComponent:
    """Check the settings against the flavor, then register the component.

    Raises:
        StackValidationError: the type or flavor is unknown, or the settings are invalid
            (every problem listed).
        EntityExistsError: a component of that type already has the name.
    """
    kind = parse_component_type(component_type)
    flavor_class = get_flavor(kind, flavor)
    split = validate_settings(flavor_class, dict(configuration), component=name)
    return store.create_stack_component(
        StackComponentCreate(
            name=name, type=kind, flavor=flavor, settings=split.plain, secrets=split.secrets
        )
    )


def update_component(
    store: Store,
    component: StackComponent,
    *,
    name: str | None = None,
    configuration: Mapping[str, Any] | None = None,
) -> StackComponent:
    """Rename a component and/or change some of its settings (the others stay).

    A setting updated to `None` is removed; a secret updated to `****` keeps its value.

    Raises:
        StackValidationError: the resulting settings do not fit the flavor.
        EntityExistsError: the new name is taken.
    """
    settings: dict[str, Any] | None = None
    secrets: dict[str, str] | None = None
    if configuration:
        flavor = get_flavor(component.type, component.flavor)
        current_secrets = store.get_stack_component_secrets(component.id)
        merged = merge_settings(component, current_secrets, dict(configuration))
        split = validate_settings(flavor, merged, component=name or component.name)
        settings, secrets = split.plain, split.secrets
    return store.update_stack_component(
        component.id, StackComponentUpdate(name=name, settings=settings, secrets=secrets)
    )


def compose_stack(
    store: Store, name: str, components: Mapping[StackComponentType | str, ComponentRef]
) -> Stack:
    """Create a stack from component names or ids, one per type.

    Raises:
        StackValidationError: listing every problem: unknown types or components, and a
            missing orchestrator or artifact store.
        EntityExistsError: a stack already has the name.
    """
    found, problems = _resolve(store, components)
    asked = {str(t) for t in components}
    problems += [
        f"it needs an {t.value.replace('_', ' ')} (list them with `headwater component list "
        f"--type {t.value}`; 'default' is always there)"
        for t in REQUIRED_COMPONENT_TYPES
        if t not in found and t.value not in asked
    ]
    if problems:
        raise StackValidationError(f"Stack '{name}' is invalid: {'; '.join(problems)}.")
    return store.create_stack(StackCreate(name=name, components=found))


def change_stack(
    store: Store,
    stack: Stack,
    *,
    name: str | None = None,
    component_updates: Mapping[StackComponentType | str, ComponentRef | None] | None = None,
) -> Stack:
    """Rename a stack and/or put in (a name or id) or take out (`None`) components by type.

    Raises:
        StackValidationError: listing every problem with the result.
        EntityExistsError: the new name is taken.
    """
    updates = dict(component_updates or {})
    removed = [parse_component_type(t) for t, ref in updates.items() if ref is None]
    found, problems = _resolve(store, {t: ref for t, ref in updates.items() if ref is not None})
    if problems:
        raise StackValidationError(f"Stack '{stack.name}' cannot change: {'; '.join(problems)}.")
    changes: dict[StackComponentType, uuid.UUID | None] = {**dict.fromkeys(removed), **found}
    return store.update_stack(stack.id, StackUpdate(name=name, components=changes))


def _resolve(
    store: Store, components: Mapping[StackComponentType | str, ComponentRef]
) -> tuple[dict[StackComponentType, uuid.UUID], list[str]]:
    found: dict[StackComponentType, uuid.UUID] = {}
    problems: list[str] = []
    for raw_type, ref in components.items():
        try:
            kind = parse_component_type(raw_type)
            found[kind] = store.get_stack_component(ref, kind).id
        except (StackValidationError, EntityNotFoundError) as exc:
            problems.append(str(exc).rstrip("."))
    return found, problems

"""The `default` stack every home starts with: the `local` orchestrator and an `fsspec`
artifact store at the configured default location."""

from __future__ import annotations

from typing import TYPE_CHECKING

from headwater.errors import EntityExistsError, EntityNotFoundError
from headwater.store.stack_models import (
    DEFAULT_STACK_NAME,
    StackComponent,
    StackComponentCreate,
    StackComponentType,
    StackCreate,
)

if TYPE_CHECKING:
    from headwater.store.base import Store
    from headwater.store.stack_models import Stack

# The default artifact store names no path: it follows $HEADWATER_ARTIFACT_STORE_URL,
# else $HEADWATER_HOME/artifacts, so one shared database serves every machine's home.
_DEFAULT_COMPONENTS = (
    StackComponentCreate(
        name=DEFAULT_STACK_NAME, type=StackComponentType.ORCHESTRATOR, flavor="local"
    ),
    StackComponentCreate(
        name=DEFAULT_STACK_NAME,
        type=StackComponentType.ARTIFACT_STORE,
        flavor="fsspec",
        settings={"path": None},
    ),
)


def ensure_default_stack(store: Store) -> Stack:
    """The `default` stack, created with its components on first use.

    Safe when several processes start on a fresh home at once: whoever loses a race to
    create a record uses the winner's.
    """
    try:
        return store.get_stack(DEFAULT_STACK_NAME)
    except EntityNotFoundError:
        pass
    components = {c.type: _ensure_component(store, c).id for c in _DEFAULT_COMPONENTS}
    try:
        return store.create_stack(StackCreate(name=DEFAULT_STACK_NAME, components=components))
    except EntityExistsError:
        return store.get_stack(DEFAULT_STACK_NAME)


def _ensure_component(store: Store, component: StackComponentCreate) -> StackComponent:
    try:
        return store.get_stack_component(component.name, component.type)
    except EntityNotFoundError:
        pass
    try:
        return store.create_stack_component(component)
    except EntityExistsError:
        return store.get_stack_component(component.name, component.type)

"""Checking component records written straight to a store (the REST API's writes, which
the dashboard makes) against their flavor, as `service` does for the Client.

A record arrives already split into plain settings and secrets; it is checked whole and
split again, so a secret sent among the plain settings is still stored apart. A flavor
this process does not know passes unchecked: its client registered the flavor and
checked the settings (as the Client always does) before sending them.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from headwater.errors import StackValidationError
from headwater.stacks.flavor_registry import get_flavor
from headwater.stacks.flavors import Flavor
from headwater.stacks.settings import validate_settings
from headwater.store.stack_models import (
    SECRET_MASK,
    StackComponentCreate,
    StackComponentType,
    StackComponentUpdate,
)

if TYPE_CHECKING:
    from headwater.store.base import Store


def checked_create(component: StackComponentCreate) -> StackComponentCreate:
    """The component with settings checked against its flavor and secrets split out.

    Raises:
        StackValidationError: the settings do not fit the flavor.
    """
    flavor = _known_flavor(component.type, component.flavor)
    if flavor is None:
        return component
    values = {**component.settings, **component.secrets}
    split = validate_settings(flavor, values, component=component.name)
    return component.model_copy(update={"settings": split.plain, "secrets": split.secrets})


def checked_update(
    store: Store, component_id: uuid.UUID, update: StackComponentUpdate
) -> StackComponentUpdate:
    """The update with the resulting settings checked; a secret sent back as `****`
    keeps its stored value.

    Raises:
        EntityNotFoundError: no component has the id.
        StackValidationError: the resulting settings are invalid.
    """
    if update.settings is None and update.secrets is None:
        return update
    current = store.get_stack_component(component_id)
    flavor = _known_flavor(current.type, current.flavor)
    if flavor is None:
        return update
    stored_secrets = store.get_stack_component_secrets(component_id)
    plain: dict[str, Any] = (
        update.settings
        if update.settings is not None
        else {k: v for k, v in current.settings.items() if k not in current.secret_keys}
    )
    secrets = dict(update.secrets if update.secrets is not None else stored_secrets)
    values = {**plain, **secrets}
    for key, value in values.items():
        if value == SECRET_MASK and key in stored_secrets:
            values[key] = stored_secrets[key]
    split = validate_settings(flavor, values, component=update.name or current.name)
    return update.model_copy(update={"settings": split.plain, "secrets": split.secrets})


def _known_flavor(component_type: StackComponentType, name: str) -> type[Flavor] | None:
    try:
        return get_flavor(component_type, name)
    except StackValidationError:
        return None

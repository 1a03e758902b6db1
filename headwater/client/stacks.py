"""The `Client`'s stack and component methods, with ZenML's names and arguments.

Example:
    ```python
    from headwater import Client

    client = Client()
    client.create_stack_component("big-disk", flavor="fsspec",
                                  component_type="artifact_store",
                                  configuration={"path": "/mnt/big/artifacts"})
    client.create_stack("big", components={"orchestrator": "default",
                                           "artifact_store": "big-disk"})
    client.activate_stack("big")      # runs now save their artifacts under /mnt/big
    ```

The stacks layer (flavors' settings models, the service) is imported inside the methods,
so `from headwater import Client` stays fast (benchmarks/core.py times it).
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Unpack

from headwater.client.page import Page
from headwater.errors import EntityNotFoundError, StackValidationError

if TYPE_CHECKING:
    from headwater.session import Session
    from headwater.stacks.flavors import FlavorDescription
    from headwater.store.filters import ListQuery
    from headwater.store.listings import StackComponentFilters, StackFilters
    from headwater.store.stack_models import Stack, StackComponent, StackComponentType

logger = logging.getLogger("headwater")

NameOrId = str | uuid.UUID


class StackClientMixin:
    """Stacks, stack components and flavors; mixed into `Client`."""

    _session: Session

    # --- stacks -----------------------------------------------------------------------

    def list_stacks(
        self,
        *,
        sort_by: str = "desc:created",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[StackFilters],
    ) -> Page[Stack]:
        """List stacks; filters such as `name="contains:gpu"`, `component="big-disk"`.

        Raises:
            FilterError: a filter or sort key is malformed or names an unknown field.
        """
        from headwater.stacks.default_stack import ensure_default_stack

        ensure_default_stack(self._session.store)
        result = self._session.store.list_stacks(_query(dict(filters), sort_by, page, size))
        return Page.of(result, lambda item: item)

    def get_stack(self, name_id_or_prefix: NameOrId | None = None) -> Stack:
        """Get a stack by name or id; the active stack when none is given.

        Raises:
            EntityNotFoundError: no stack has that name or id.
        """
        from headwater.stacks.default_stack import ensure_default_stack

        if name_id_or_prefix is None:
            return self.active_stack
        ensure_default_stack(self._session.store)
        return self._session.store.get_stack(name_id_or_prefix)

    def create_stack(
        self, name: str, components: Mapping[StackComponentType | str, NameOrId]
    ) -> Stack:
        """Compose a stack from components (names or ids), one per type.

        Args:
            name: The new stack's name.
            components: Component type -> component name or id; an orchestrator and an
                artifact store at least.

        Raises:
            StackValidationError: every problem with the components, listed once.
            EntityExistsError: a stack already has the name.
        """
        from headwater.stacks import service
        from headwater.stacks.default_stack import ensure_default_stack

        ensure_default_stack(self._session.store)
        return service.compose_stack(self._session.store, name, components)

    def update_stack(
        self,
        name_id_or_prefix: NameOrId | None = None,
        *,
        name: str | None = None,
        component_updates: Mapping[StackComponentType | str, NameOrId | None] | None = None,
    ) -> Stack:
        """Rename a stack and/or change its components (`None` takes a type out).

        Raises:
            StackValidationError: the result would be invalid, or it renames the default.
        """
        from headwater.stacks import service
        from headwater.store.stack_models import DEFAULT_STACK_NAME

        stack = self.get_stack(name_id_or_prefix)
        if name is not None and name != stack.name and stack.name == DEFAULT_STACK_NAME:
            raise StackValidationError(
                "The default stack cannot be renamed: it is what runs fall back to. "
                "Register a new stack with the name you want instead."
            )
        return service.change_stack(
            self._session.store, stack, name=name, component_updates=component_updates
        )

    def delete_stack(self, name_id_or_prefix: NameOrId) -> None:
        """Delete a stack (its components stay; its runs keep their copy of it).

        Raises:
            StackValidationError: it is the default or the active stack.
        """
        from headwater.store.stack_models import DEFAULT_STACK_NAME

        stack = self.get_stack(name_id_or_prefix)
        if stack.name == DEFAULT_STACK_NAME:
            raise StackValidationError(
                "The default stack cannot be deleted: it is what runs fall back to."
            )
        if stack.id == self.active_stack.id:
            raise StackValidationError(
                f"Stack '{stack.name}' is the active stack. Activate another first "
                f"(`headwater stack set default`), then delete it."
            )
        self._session.store.delete_stack(stack.id)

    def activate_stack(self, stack_name_id_or_prefix: NameOrId) -> Stack:
        """Make a stack the one runs use on this machine (for this metadata store)."""
        from headwater.stacks.active import ACTIVE_STACK_VARIABLE, write_active_stack_id

        stack = self.get_stack(stack_name_id_or_prefix)
        write_active_stack_id(self._session.settings, stack.id)
        if os.environ.get(ACTIVE_STACK_VARIABLE):
            logger.warning(
                "%s is set, so it still chooses the stack in this environment; unset it "
                "to use '%s'.",
                ACTIVE_STACK_VARIABLE,
                stack.name,
            )
        return stack

    @property
    def active_stack(self) -> Stack:
        """The stack runs use now: `HEADWATER_STACK`, `activate_stack`'s, or default."""
        return self._session.active_stack()

    @property
    def active_stack_model(self) -> Stack:
        """The same as `active_stack` (ZenML's name for the record)."""
        return self.active_stack

    # --- stack components -------------------------------------------------------------

    def list_stack_components(
        self,
        *,
        sort_by: str = "desc:created",
        page: int = 1,
        size: int = 20,
        **filters: Unpack[StackComponentFilters],
    ) -> Page[StackComponent]:
        """List components; filters: id, name, type, flavor, created.

        Raises:
            FilterError: a filter or sort key is malformed or names an unknown field.
        """
        from headwater.stacks.default_stack import ensure_default_stack
        from headwater.store.stack_models import StackComponentType

        ensure_default_stack(self._session.store)
        query: dict[str, Any] = dict(filters)
        if isinstance(query.get("type"), StackComponentType):
            query["type"] = query["type"].value
        result = self._session.store.list_stack_components(_query(query, sort_by, page, size))
        return Page.of(result, lambda item: item)

    def get_stack_component(
        self,
        component_type: StackComponentType | str,
        name_id_or_prefix: NameOrId | None = None,
    ) -> StackComponent:
        """Get a component by type and name or id; the active stack's when no name.

        Raises:
            EntityNotFoundError: no such component (or the active stack has none of it).
        """
        from headwater.stacks import service
        from headwater.stacks.default_stack import ensure_default_stack

        kind = service.parse_component_type(component_type)
        if name_id_or_prefix is None:
            stack = self.active_stack
            if kind not in stack.components:
                raise EntityNotFoundError(
                    f"The active stack '{stack.name}' has no {kind.value}. Add one with "
                    f"`headwater stack update {stack.name}`."
                )
            return stack.components[kind]
        ensure_default_stack(self._session.store)
        return self._session.store.get_stack_component(name_id_or_prefix, kind)

    def create_stack_component(
        self,
        name: str,
        flavor: str,
        component_type: StackComponentType | str,
        configuration: Mapping[str, Any] | None = None,
    ) -> StackComponent:
        """Register a component; its configuration is checked against the flavor's schema.

        Raises:
            StackValidationError: unknown type or flavor, or invalid settings (all listed).
            EntityExistsError: a component of that type already has the name.
        """
        from headwater.stacks import service
        from headwater.stacks.default_stack import ensure_default_stack

        ensure_default_stack(self._session.store)
        return service.register_component(
            self._session.store,
            name=name,
            component_type=component_type,
            flavor=flavor,
            configuration=configuration or {},
        )

    def update_stack_component(
        self,
        name_id_or_prefix: NameOrId,
        component_type: StackComponentType | str,
        *,
        name: str | None = None,
        configuration: Mapping[str, Any] | None = None,
    ) -> StackComponent:
        """Rename a component and/or change some settings (`None` removes one).

        Raises:
            StackValidationError: the new settings do not fit the flavor.
        """
        from headwater.stacks import service
        from headwater.store.stack_models import DEFAULT_STACK_NAME

        component = self.get_stack_component(component_type, name_id_or_prefix)
        if name is not None and name != component.name and component.name == DEFAULT_STACK_NAME:
            raise StackValidationError(
                f"The default {component.type.value} cannot be renamed: the default stack "
                f"is made of it. Register a new component with the name you want instead."
            )
        return service.update_component(
            self._session.store, component, name=name, configuration=configuration
        )

    def delete_stack_component(
        self, name_id_or_prefix: NameOrId, component_type: StackComponentType | str
    ) -> None:
        """Delete a component no stack uses.

        Raises:
            EntityInUseError: stacks use it; the message names them.
        """
        component = self.get_stack_component(component_type, name_id_or_prefix)
        self._session.store.delete_stack_component(component.id)

    # --- flavors ----------------------------------------------------------------------

    def list_flavors(
        self,
        *,
        page: int = 1,
        size: int = 20,
        type: StackComponentType | str | None = None,  # ZenML's argument name
        name: str | None = None,
    ) -> Page[FlavorDescription]:
        """List the registered flavors with their settings' JSON Schema."""
        from headwater.stacks import service
        from headwater.stacks.flavor_registry import list_flavors
        from headwater.stacks.flavors import FlavorDescription

        kind = service.parse_component_type(type) if type is not None else None
        found = [
            FlavorDescription.of(f) for f in list_flavors(kind) if name is None or f.name == name
        ]
        start = (page - 1) * size
        return Page(found[start : start + size], page, size, len(found))


def _query(filters: dict[str, Any], sort_by: str, page: int, size: int) -> ListQuery:
    from headwater.store.filters import ListQuery

    return ListQuery(
        filters={k: v for k, v in filters.items() if v is not None},
        sort_by=sort_by,
        index=page,
        size=size,
    )

"""The stack and stack component calls of `RestStore`."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING
from urllib.parse import quote

from headwater.store.rest.query import list_params, page_from
from headwater.store.rest.utc import parse_model
from headwater.store.stack_models import RunStack, Stack, StackComponent

if TYPE_CHECKING:
    from headwater.store.filters import ListQuery
    from headwater.store.models import Page
    from headwater.store.rest.transport import Transport
    from headwater.store.stack_models import (
        StackComponentCreate,
        StackComponentType,
        StackComponentUpdate,
        StackCreate,
        StackUpdate,
    )


class RestStackMethods:
    """`Store`'s stack methods, each one request."""

    _http: Transport

    def create_stack_component(self, component: StackComponentCreate) -> StackComponent:
        """See `Store.create_stack_component`."""
        body = self._http.call("POST", "/stack-components", body=component.model_dump(mode="json"))
        return parse_model(StackComponent, body)

    def get_stack_component(
        self, name_or_id: uuid.UUID | str, component_type: StackComponentType | None = None
    ) -> StackComponent:
        """See `Store.get_stack_component`."""
        params = {} if component_type is None else {"type": component_type.value}
        path = f"/stack-components/{quote(str(name_or_id), safe='')}"
        return parse_model(StackComponent, self._http.call("GET", path, params=params))

    def list_stack_components(self, query: ListQuery) -> Page[StackComponent]:
        """See `Store.list_stack_components`."""
        body = self._http.call("GET", "/stack-components", params=list_params(query))
        return page_from(body, tuple(parse_model(StackComponent, i) for i in body["items"]))

    def update_stack_component(
        self, component_id: uuid.UUID, update: StackComponentUpdate
    ) -> StackComponent:
        """See `Store.update_stack_component`."""
        body = update.model_dump(mode="json", exclude_unset=True)
        found = self._http.call("PATCH", f"/stack-components/{component_id}", body=body)
        return parse_model(StackComponent, found)

    def delete_stack_component(self, component_id: uuid.UUID) -> None:
        """See `Store.delete_stack_component`."""
        self._http.call("DELETE", f"/stack-components/{component_id}")

    def get_stack_component_secrets(self, component_id: uuid.UUID) -> dict[str, str]:
        """See `Store.get_stack_component_secrets`."""
        body = self._http.call("GET", f"/stack-components/{component_id}/secrets")
        return {str(key): str(value) for key, value in body.items()}

    def create_stack(self, stack: StackCreate) -> Stack:
        """See `Store.create_stack`."""
        return parse_model(
            Stack, self._http.call("POST", "/stacks", body=stack.model_dump(mode="json"))
        )

    def get_stack(self, name_or_id: uuid.UUID | str) -> Stack:
        """See `Store.get_stack`."""
        path = f"/stacks/{quote(str(name_or_id), safe='')}"
        return parse_model(Stack, self._http.call("GET", path))

    def list_stacks(self, query: ListQuery) -> Page[Stack]:
        """See `Store.list_stacks`."""
        body = self._http.call("GET", "/stacks", params=list_params(query))
        return page_from(body, tuple(parse_model(Stack, i) for i in body["items"]))

    def update_stack(self, stack_id: uuid.UUID, update: StackUpdate) -> Stack:
        """See `Store.update_stack`."""
        body = update.model_dump(mode="json", exclude_unset=True)
        return parse_model(Stack, self._http.call("PATCH", f"/stacks/{stack_id}", body=body))

    def delete_stack(self, stack_id: uuid.UUID) -> None:
        """See `Store.delete_stack`."""
        self._http.call("DELETE", f"/stacks/{stack_id}")

    def get_run_stack(self, run_id: uuid.UUID) -> RunStack | None:
        """See `Store.get_run_stack`."""
        body = self._http.call("GET", f"/runs/{run_id}/stack")
        return None if body is None else parse_model(RunStack, body)

"""From stack records to the objects a run uses: its orchestrator and artifact store."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from headwater.errors import ConfigurationError, StackValidationError
from headwater.stacks.alerters import AlerterFlavor
from headwater.stacks.builtin_flavors import ArtifactStoreFlavor, OrchestratorFlavor
from headwater.stacks.connector_options import named_connector, storage_options_for
from headwater.stacks.flavor_registry import get_flavor
from headwater.stacks.settings import build_settings, merge_settings
from headwater.store.stack_models import StackComponentType

if TYPE_CHECKING:
    from pydantic import BaseModel

    from headwater.artifacts.artifact_store import ArtifactStore
    from headwater.runner.alerts import RunAlerter
    from headwater.runner.orchestrators.base import Orchestrator
    from headwater.store.base import Store
    from headwater.store.stack_models import Stack, StackComponent


@dataclass(frozen=True)
class StackRuntime:
    """A stack ready to run on: its record, orchestrator and artifact store."""

    stack: Stack
    orchestrator: Orchestrator
    artifact_store: ArtifactStore
    # Told when a run ends; None when the stack has no alerter.
    alerter: RunAlerter | None = None


def component_settings(store: Store, component: StackComponent) -> BaseModel:
    """A component's settings as its flavor's model, secrets in clear (for building it).

    Raises:
        StackValidationError: the flavor is not registered in this process, or the stored
            settings no longer fit its schema.
    """
    flavor = get_flavor(component.type, component.flavor)
    secrets = store.get_stack_component_secrets(component.id) if component.secret_keys else {}
    values = merge_settings(component, secrets, {})
    return build_settings(flavor, values, component=component.name)


def build_orchestrator(store: Store, stack: Stack) -> Orchestrator:
    """The orchestrator of a stack.

    Raises:
        ConfigurationError: the orchestrator's flavor cannot build one.
    """
    component = stack.components[StackComponentType.ORCHESTRATOR]
    flavor = get_flavor(component.type, component.flavor)
    if not issubclass(flavor, OrchestratorFlavor):
        raise _cannot_build(stack, component, "OrchestratorFlavor")
    return flavor.create_orchestrator(component_settings(store, component))


def build_alerter(store: Store, stack: Stack) -> RunAlerter | None:
    """The alerter of a stack, or None when it has none.

    Raises:
        ConfigurationError: the alerter's flavor cannot build one.
    """
    component = stack.components.get(StackComponentType.ALERTER)
    if component is None:
        return None
    flavor = get_flavor(component.type, component.flavor)
    if not issubclass(flavor, AlerterFlavor):
        raise _cannot_build(stack, component, "alerters.AlerterFlavor")
    return flavor.create_alerter(component_settings(store, component))


def build_artifact_store(
    store: Store, component: StackComponent, *, default_url: str
) -> ArtifactStore:
    """The artifact store a component describes, opened with the credentials of the
    service connector its settings name (`connector: NAME`), if any.

    Raises:
        ConfigurationError: the component's flavor cannot build one, its location is
            unusable, or its connector is for another kind of location.
        EntityNotFoundError: its connector does not exist.
    """
    flavor = get_flavor(component.type, component.flavor)
    if not issubclass(flavor, ArtifactStoreFlavor):
        raise _cannot_build(None, component, "ArtifactStoreFlavor")
    settings = component_settings(store, component)
    connector_name = named_connector(settings)
    if connector_name is None:
        return flavor.create_artifact_store(settings, default_url=default_url)
    url = getattr(settings, "path", None) or default_url
    connector = store.get_service_connector(connector_name)
    options = storage_options_for(store, connector, url=url)
    # Only flavors whose settings name a connector are handed its options (see
    # `ArtifactStoreFlavor.create_artifact_store`).
    creates: Any = flavor.create_artifact_store
    built: ArtifactStore = creates(settings, default_url=default_url, storage_options=options)
    return built


def planned_artifact_store(
    component_type: StackComponentType,
    flavor_name: str,
    values: dict[str, Any],
    *,
    name: str,
    default_url: str,
) -> ArtifactStore | None:
    """The artifact store a component about to be saved would open (secrets included in
    `values`), or None when it is no artifact store of a flavor this process knows.

    Raises:
        StackValidationError: the values do not fit the flavor.
        ConfigurationError: the location cannot be opened.
    """
    if component_type is not StackComponentType.ARTIFACT_STORE:
        return None
    try:
        flavor = get_flavor(component_type, flavor_name)
    except StackValidationError:
        return None
    if not issubclass(flavor, ArtifactStoreFlavor):
        return None
    settings = build_settings(flavor, values, component=name)
    return flavor.create_artifact_store(settings, default_url=default_url)


def _cannot_build(stack: Stack | None, component: StackComponent, base: str) -> ConfigurationError:
    where = f" of stack '{stack.name}'" if stack is not None else ""
    return ConfigurationError(
        f"The {component.type.value} '{component.name}'{where} has flavor "
        f"'{component.flavor}', which cannot build one: its class must extend "
        f"headwater.stacks.{base}. Use a flavor that does, or fix the flavor's class."
    )

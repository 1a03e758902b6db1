"""From a connector's name to the fsspec storage options that open a location with it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from headwater.errors import ConfigurationError
from headwater.stacks.connector_settings import connector_settings
from headwater.stacks.connector_types import get_connector_type

if TYPE_CHECKING:
    from headwater.store.base import Store
    from headwater.store.connector_models import ServiceConnector


def storage_options_for(store: Store, connector: ServiceConnector, *, url: str) -> dict[str, Any]:
    """The storage options that open `url` with the connector's credentials.

    Raises:
        ConfigurationError: the connector's type is for other filesystems than `url`'s.
        StackValidationError: the connector's stored settings no longer fit its type.
    """
    kind = get_connector_type(connector.type)
    scheme, separator, _ = url.partition("://")
    if kind.protocols and (not separator or scheme not in kind.protocols):
        allowed = ", ".join(f"{p}://" for p in kind.protocols)
        raise ConfigurationError(
            f"The service connector '{connector.name}' is of type '{kind.name.value}', for "
            f"{allowed} locations, so it cannot open '{url}'. Use a connector of the "
            f"location's kind, or a location it is for."
        )
    return kind.storage_options(connector_settings(store, connector))


def named_connector(settings: Any) -> str | None:
    """The connector a component's settings name (`connector: NAME`), if any."""
    name = getattr(settings, "connector", None)
    return name if isinstance(name, str) and name else None

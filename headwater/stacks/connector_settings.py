"""Checking a connector's settings against its type, splitting out secrets, and back.

The store keeps plain settings and secrets apart; this module turns user values into that
split (every problem listed at once) and turns a stored connector back into its type's
settings model, secrets in clear, for opening what it connects to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, SecretStr, ValidationError

from headwater.errors import StackValidationError
from headwater.stacks.connector_types import GenericConnectorType, get_connector_type
from headwater.store.connector_models import (
    ServiceConnectorCreate,
    ServiceConnectorType,
    ServiceConnectorUpdate,
)
from headwater.store.stack_models import SECRET_MASK

if TYPE_CHECKING:
    from headwater.stacks.connector_types import ConnectorType
    from headwater.store.base import Store
    from headwater.store.connector_models import ServiceConnector

# A generic connector's values are secrets named `values.<key>`.
_GENERIC_PREFIX = "values."


@dataclass(frozen=True, slots=True)
class SplitConnectorSettings:
    """Validated settings, ready for the store: plain values and every secret field."""

    plain: dict[str, Any]
    secrets: dict[str, str | None]


def validate_connector_settings(
    kind: type[ConnectorType], values: dict[str, Any], *, connector: str
) -> SplitConnectorSettings:
    """Check `values` against the type's settings and split out the secrets.

    Raises:
        StackValidationError: listing every missing, unknown or malformed setting.
    """
    model = build_connector_settings(kind, values, connector=connector)
    if kind is GenericConnectorType:
        generic: dict[str, SecretStr] = getattr(model, "values", {})
        flat = {f"{_GENERIC_PREFIX}{k}": v.get_secret_value() for k, v in generic.items()}
        return SplitConnectorSettings(plain={}, secrets=dict(flat))
    secret_names = kind.secret_fields()
    plain = model.model_dump(mode="json", exclude=set(secret_names))
    secrets: dict[str, str | None] = {}
    for name in sorted(secret_names):
        value = getattr(model, name, None)
        secrets[name] = value.get_secret_value() if isinstance(value, SecretStr) else value
    return SplitConnectorSettings(plain=plain, secrets=secrets)


def build_connector_settings(
    kind: type[ConnectorType], values: dict[str, Any], *, connector: str
) -> BaseModel:
    """The type's settings model for `values` (secrets included).

    Raises:
        StackValidationError: listing every missing, unknown or malformed setting.
    """
    try:
        return kind.settings_class.model_validate(values)
    except ValidationError as exc:
        hidden = kind.secret_fields()
        problems = [_describe(error, hidden) for error in exc.errors()]
        fields = ", ".join(repr(n) for n in kind.settings_class.model_fields)
        raise StackValidationError(
            f"The settings of {kind.name.value} service connector '{connector}' are invalid: "
            f"{'; '.join(problems)}. Its settings are: {fields} "
            f"(`headwater connector types` shows their types)."
        ) from None


def stored_values(connector: ServiceConnector, secrets: dict[str, str]) -> dict[str, Any]:
    """A stored connector's settings and secrets as its type's settings take them."""
    if connector.type is ServiceConnectorType.GENERIC:
        return {
            "values": {
                k.removeprefix(_GENERIC_PREFIX): v
                for k, v in secrets.items()
                if k.startswith(_GENERIC_PREFIX)
            }
        }
    return {**connector.settings, **secrets}


def connector_settings(store: Store, connector: ServiceConnector) -> BaseModel:
    """A connector's settings as its type's model, secrets in clear.

    Raises:
        StackValidationError: the stored settings no longer fit the type.
    """
    secrets = store.get_service_connector_secrets(connector.id)
    kind = get_connector_type(connector.type)
    return build_connector_settings(
        kind, stored_values(connector, secrets), connector=connector.name
    )


def merged_values(
    connector: ServiceConnector, secrets: dict[str, str], updates: dict[str, Any]
) -> dict[str, Any]:
    """A connector's values with `updates` applied: a setting updated to `None` is removed,
    a secret updated to `****` keeps its value (what a form sends back untouched)."""
    merged = stored_values(connector, secrets)
    for key, value in updates.items():
        if value is None:
            merged.pop(key, None)
        elif key == "values" and isinstance(value, dict) and isinstance(merged.get(key), dict):
            kept = merged[key]
            merged[key] = {k: kept.get(k, v) if v == SECRET_MASK else v for k, v in value.items()}
        elif value != SECRET_MASK or key not in merged:
            merged[key] = value
    return merged


def checked_connector_create(connector: ServiceConnectorCreate) -> ServiceConnectorCreate:
    """A connector written straight to the API, checked whole and split again, so a
    secret sent among the plain settings is still stored apart.

    Raises:
        StackValidationError: the settings do not fit the type.
    """
    kind = get_connector_type(connector.type)
    given = {k: v for k, v in connector.secrets.items() if v is not None}
    values = _unflattened(connector.type, {**connector.settings, **given})
    split = validate_connector_settings(kind, values, connector=connector.name)
    return connector.model_copy(update={"settings": split.plain, "secrets": split.secrets})


def checked_connector_update(
    store: Store, connector_id: Any, update: ServiceConnectorUpdate
) -> ServiceConnectorUpdate:
    """An update written straight to the API with the result checked; a secret sent back
    as `****` keeps its stored value.

    Raises:
        EntityNotFoundError: no connector has the id.
        StackValidationError: the resulting settings are invalid.
    """
    if update.settings is None and update.secrets is None:
        return update
    current = store.get_service_connector(connector_id)
    stored = store.get_service_connector_secrets(current.id)
    plain = update.settings if update.settings is not None else current.settings
    if update.secrets is None:
        secrets: dict[str, str | None] = dict(stored)
    else:
        secrets = {k: stored.get(k) if v == SECRET_MASK else v for k, v in update.secrets.items()}
    given = {k: v for k, v in secrets.items() if v is not None}
    values = _unflattened(current.type, {**plain, **given})
    kind = get_connector_type(current.type)
    split = validate_connector_settings(kind, values, connector=current.name)
    return update.model_copy(update={"settings": split.plain, "secrets": split.secrets})


def _unflattened(kind: ServiceConnectorType, values: dict[str, Any]) -> dict[str, Any]:
    """Values as the type's settings take them: `values.<key>` secrets of a generic
    connector go back under `values`."""
    if kind is not ServiceConnectorType.GENERIC:
        return values
    flat = {k.removeprefix(_GENERIC_PREFIX): v for k, v in values.items() if k != "values"}
    nested = values.get("values")
    return {"values": {**flat, **(nested if isinstance(nested, dict) else {})}}


def _describe(error: Any, hidden: frozenset[str]) -> str:
    loc = ".".join(str(part) for part in error["loc"]) or "settings"
    # A secret's value never reaches a message, even a rejected one.
    is_hidden = bool(error["loc"]) and error["loc"][0] in hidden
    given = SECRET_MASK if is_hidden else repr(error.get("input"))
    match error["type"]:
        case "missing":
            return f"'{loc}' is required"
        case "extra_forbidden":
            return f"'{loc}' is not a setting of this connector type"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"'{loc}' {message[0].lower()}{message[1:]} (got {given})"

"""Checking a component's settings against its flavor's schema, and splitting out secrets.

Every problem is collected and raised once, naming the component, the flavor, each bad
setting and the settings the flavor takes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, SecretBytes, SecretStr, ValidationError

from headwater.errors import StackValidationError
from headwater.store.stack_models import SECRET_MASK

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

    from headwater.stacks.flavors import Flavor
    from headwater.store.stack_models import StackComponent


@dataclass(frozen=True, slots=True)
class SplitSettings:
    """Validated settings, ready for the store: plain JSON values and secrets apart."""

    plain: dict[str, Any]
    secrets: dict[str, str]


def validate_settings(
    flavor: type[Flavor], values: dict[str, Any], *, component: str
) -> SplitSettings:
    """Check `values` against the flavor's settings model and split out the secrets.

    Raises:
        StackValidationError: listing every missing, unknown or malformed setting.
    """
    model = build_settings(flavor, values, component=component)
    secret_names = flavor.secret_fields()
    plain = model.model_dump(mode="json", exclude=set(secret_names))
    secrets = {
        name: _reveal(getattr(model, name))
        for name in sorted(secret_names)
        if getattr(model, name, None) is not None
    }
    return SplitSettings(plain=plain, secrets=secrets)


def build_settings(flavor: type[Flavor], values: dict[str, Any], *, component: str) -> BaseModel:
    """The flavor's settings model instance for `values` (secrets included).

    Raises:
        StackValidationError: listing every missing, unknown or malformed setting.
    """
    try:
        return flavor.settings_class.model_validate(values)
    except ValidationError as exc:
        hidden = flavor.secret_fields()
        problems = [_describe(error, hidden) for error in exc.errors()]
        fields = ", ".join(repr(n) for n in flavor.settings_class.model_fields) or "none"
        raise StackValidationError(
            f"The settings of {flavor.type.value} '{component}' (flavor '{flavor.name}') are "
            f"invalid: {'; '.join(problems)}. The flavor's settings are: {fields} "
            f"(`headwater component flavors` shows their types)."
        ) from None


def merge_settings(
    current: StackComponent, secrets: dict[str, str], updates: dict[str, Any]
) -> dict[str, Any]:
    """A component's settings with `updates` applied, secrets in clear.

    An update to `None` removes the setting; an update to `****` keeps the secret as is
    (what a form sends back when the user left a secret alone).
    """
    merged = {k: v for k, v in current.settings.items() if k not in current.secret_keys}
    merged.update(secrets)
    for key, value in updates.items():
        if value is None:
            merged.pop(key, None)
        elif value != SECRET_MASK or key not in current.secret_keys:
            merged[key] = value
    return merged


def _reveal(value: Any) -> str:
    if isinstance(value, SecretStr):
        return value.get_secret_value()
    if isinstance(value, SecretBytes):
        return value.get_secret_value().decode()
    return str(value)


def _describe(error: ErrorDetails, hidden: frozenset[str]) -> str:
    name = ".".join(str(part) for part in error["loc"]) or "settings"
    # A secret's value never reaches a message, even a rejected one.
    given = "****" if error["loc"] and error["loc"][0] in hidden else repr(error["input"])
    match error["type"]:
        case "missing":
            return f"'{name}' is required"
        case "extra_forbidden":
            return f"'{name}' is not a setting of this flavor"
        case _:
            return f"'{name}' {error['msg'][0].lower()}{error['msg'][1:]} (got {given})"

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
        problems = _describe_all(exc.errors(), flavor.settings_class, hidden)
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


def _describe_all(
    errors: list[ErrorDetails], model: type[BaseModel], hidden: frozenset[str]
) -> list[str]:
    """One phrase per problem; an optional setting's "or null" branch is left out when its
    value branch failed, as the dashboard's validator leaves it out."""
    names = _field_names(model)
    located = [(_path(error, names), error) for error in errors]
    failed_branches = {path for path, e in located if e["type"] != "none_required"}
    return [
        _describe(path, error, hidden)
        for path, error in located
        if error["type"] != "none_required" or path not in failed_branches
    ]


def _path(error: ErrorDetails, names: frozenset[str]) -> str:
    """The setting's dotted path, without pydantic's union branch tags (`str`, `none`)."""
    loc = error["loc"]
    parts = [str(p) for p in loc if isinstance(p, int) or p in names]
    if error["type"] == "extra_forbidden" and loc and loc[-1] not in names:
        parts.append(str(loc[-1]))  # an unknown key is named as it was given
    return ".".join(parts) or "settings"


def _field_names(model: type[BaseModel]) -> frozenset[str]:
    """Every field name of the settings model and of the models nested in it."""
    names: set[str] = set()
    pending: list[Any] = [model]
    seen: set[Any] = set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            names.update(current.model_fields)
            pending.extend(field.annotation for field in current.model_fields.values())
        pending.extend(getattr(current, "__args__", ()))
    return frozenset(names)


def _describe(name: str, error: ErrorDetails, hidden: frozenset[str]) -> str:
    # A secret's value never reaches a message, even a rejected one.
    given = "****" if error["loc"] and error["loc"][0] in hidden else repr(error["input"])
    match error["type"]:
        case "missing":
            return f"'{name}' is required"
        case "extra_forbidden":
            return f"'{name}' is not a setting of this flavor"
    phrase = _json_schema_phrase(error)
    if phrase is None:
        phrase = f"{error['msg'][0].lower()}{error['msg'][1:]}"
    return f"'{name}' {phrase} (got {given})"


# Phrases in the words of the JSON Schema validator the dashboard runs (ajv), so the
# browser and the server say the same thing about the same mistake (issue 13).
_TYPE_PHRASES = {
    "int_type": "must be integer",
    "int_parsing": "must be integer",
    "int_from_float": "must be integer",
    "float_type": "must be number",
    "float_parsing": "must be number",
    "bool_type": "must be boolean",
    "bool_parsing": "must be boolean",
    "string_type": "must be string",
    "list_type": "must be array",
    "model_type": "must be object",
    "dict_type": "must be object",
    "enum": "must be equal to one of the allowed values",
    "literal_error": "must be equal to one of the allowed values",
}
_BOUND_PHRASES = {
    "greater_than": ("gt", "must be > {}"),
    "greater_than_equal": ("ge", "must be >= {}"),
    "less_than": ("lt", "must be < {}"),
    "less_than_equal": ("le", "must be <= {}"),
    "string_too_short": ("min_length", "must NOT have fewer than {} characters"),
    "string_too_long": ("max_length", "must NOT have more than {} characters"),
    "too_short": ("min_length", "must NOT have fewer than {} items"),
    "too_long": ("max_length", "must NOT have more than {} items"),
    "string_pattern_mismatch": ("pattern", 'must match pattern "{}"'),
}


def _json_schema_phrase(error: ErrorDetails) -> str | None:
    kind = error["type"]
    if kind in _TYPE_PHRASES:
        return _TYPE_PHRASES[kind]
    if kind not in _BOUND_PHRASES:
        return None
    key, template = _BOUND_PHRASES[kind]
    limit = (error.get("ctx") or {}).get(key)
    if limit is None:
        return None
    return template.format(_as_json_number(limit))


def _as_json_number(value: Any) -> str:
    """`60.0` as JavaScript prints it (`60`), so both sides quote a bound alike."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

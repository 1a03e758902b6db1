"""Flavors: what kinds of stack components exist, and the settings each one takes.

A flavor is a class naming its component type, its name and a pydantic model of its
settings (exported as JSON Schema, from which the dashboard builds its forms). Settings
fields typed `SecretStr` are secrets: stored apart and shown only as `****`.

Which flavors exist is the registry's business (`flavor_registry.py`).
"""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, SecretBytes, SecretStr

from headwater.store.stack_models import StackComponentType

# Aliases: inside classes with a `type` attribute the builtin name is shadowed.
SettingsClass = type[BaseModel]


class FlavorSettings(BaseModel):
    """Base of every flavor's settings: unknown keys are refused, so typos surface."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Flavor:
    """A kind of stack component: its type, its name and the settings it takes.

    Example:
        ```python
        from pydantic import SecretStr
        from headwater.stacks import Flavor, FlavorSettings, StackComponentType, register_flavor

        class SlackSettings(FlavorSettings):
            channel: str
            token: SecretStr                 # a secret: stored apart, shown as ****

        class SlackAlerterFlavor(Flavor):
            name = "slack"
            type = StackComponentType.ALERTER
            description = "Posts run events to a Slack channel."
            settings_class = SlackSettings

        register_flavor(SlackAlerterFlavor)
        ```
    """

    name: ClassVar[str]
    type: ClassVar[StackComponentType]
    description: ClassVar[str] = ""
    settings_class: ClassVar[SettingsClass] = FlavorSettings

    @classmethod
    def settings_schema(cls) -> dict[str, Any]:
        """The JSON Schema of the settings; secret fields are `writeOnly` passwords."""
        return cls.settings_class.model_json_schema()

    @classmethod
    def secret_fields(cls) -> frozenset[str]:
        """The names of the settings that are secrets."""
        return frozenset(
            name
            for name, field in cls.settings_class.model_fields.items()
            if _is_secret(field.annotation) or _marked_secret(field.json_schema_extra)
        )


FlavorClass = type[Flavor]


class FlavorDescription(BaseModel):
    """A flavor as the Client, CLI and dashboard show it."""

    model_config = ConfigDict(frozen=True)

    name: str
    type: StackComponentType
    description: str
    settings_schema: dict[str, Any]
    secret_fields: tuple[str, ...]

    @classmethod
    def of(cls, flavor: FlavorClass) -> FlavorDescription:
        """Describe a flavor class."""
        return cls(
            name=flavor.name,
            type=flavor.type,
            description=flavor.description,
            settings_schema=flavor.settings_schema(),
            secret_fields=tuple(sorted(flavor.secret_fields())),
        )


def _is_secret(annotation: Any) -> bool:
    if annotation in (SecretStr, SecretBytes):
        return True
    return any(_is_secret(argument) for argument in getattr(annotation, "__args__", ()))


def _marked_secret(extra: Any) -> bool:
    return isinstance(extra, dict) and extra.get("secret") is True

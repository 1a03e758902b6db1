"""A step's per-component settings and retries, checked and made JSON-able for its spec."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from headwater.errors import NotCanonicalError
from headwater.hashing import to_json_value


# `settings` is what the user passed, checked here rather than trusted to its annotation.
def component_settings(step_name: str, settings: Any, problems: list[str]) -> dict[str, Any]:
    """`{"orchestrator": RaySettings(...)}` as `{"orchestrator": {...}}`, unset fields left
    out (so a flavor's own defaults apply)."""
    if settings is None:
        return {}
    if not isinstance(settings, Mapping):
        problems.append(
            f"Step '{step_name}' has settings of type '{type(settings).__name__}'. Pass a "
            f"dict from a component type to its settings, such as "
            f"{{'orchestrator': RaySettings(num_cpus=2)}}."
        )
        return {}
    found: dict[str, Any] = {}
    for component, value in settings.items():
        dump = getattr(value, "model_dump", None)
        plain = dump(mode="json", exclude_none=True) if callable(dump) else value
        try:
            found[str(component)] = to_json_value(plain)
        except NotCanonicalError as exc:
            problems.append(
                f"Step '{step_name}' has '{component}' settings of type '{exc}'. Use a "
                f"pydantic settings model or a dict of strings and numbers."
            )
    return found


def checked_retries(step_name: str, retries: Any, problems: list[str]) -> int:
    """The number of retries, or 0 with a problem when it is no whole number >= 0."""
    if isinstance(retries, bool) or not isinstance(retries, int) or retries < 0:
        problems.append(
            f"Step '{step_name}' has retries={retries!r}. Use a whole number from 0 up."
        )
        return 0
    return retries

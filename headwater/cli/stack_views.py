"""How the stack and component commands show settings, and check `--output`."""

from __future__ import annotations

import json
from typing import Any

from headwater.errors import HeadwaterError

OUTPUT_FORMATS = ("table", "json")


def check_output(output: str) -> None:
    """Refuse an `--output` other than table or json, before doing any work.

    Raises:
        HeadwaterError: the format is unknown.
    """
    if output not in OUTPUT_FORMATS:
        raise HeadwaterError(
            f"Unknown output format '{output}'. Use --output table or --output json."
        )


def show_settings(settings: dict[str, Any]) -> str:
    """Settings as `key=value` lines (secrets arrive already masked as ****)."""
    if not settings:
        return "-"
    return "\n".join(
        f"{key}={value if isinstance(value, str) else json.dumps(value)}"
        for key, value in settings.items()
    )

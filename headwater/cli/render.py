"""How the CLI shows things: status colours, durations, tables, JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from rich.console import Console

if TYPE_CHECKING:
    import datetime as dt

STATUS_STYLES = {
    "initializing": "grey50",
    "running": "yellow",
    "completed": "blue",
    "cached": "green",
    "failed": "red",
    "stopped": "grey50",
}

console = Console()


def status(value: str) -> str:
    """A status word in its colour (completed blue, cached green, failed red, ...)."""
    return f"[{STATUS_STYLES.get(value, 'default')}]{value}[/]"


def duration(seconds: float | None) -> str:
    """`0.42 s`, `3 min 5 s`, or `-` when unknown."""
    if seconds is None:
        return "-"
    if seconds < 60:
        return f"{seconds:.2f} s"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest} s"


def timestamp(value: dt.datetime | None) -> str:
    """A local, second-precision time, or `-`."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value else "-"


def print_json(value: Any) -> None:
    """Print machine-readable output for `--output json`."""
    console.print_json(json.dumps(value, default=str))

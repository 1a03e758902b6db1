"""How a terminal shows a status and a duration, for the CLI and live progress alike."""

from __future__ import annotations

# Rich styles of each run and step status.
STATUS_STYLES = {
    "initializing": "grey50",
    "running": "yellow",
    "completed": "blue",
    "cached": "green",
    "failed": "red",
    "stopped": "grey50",
}


def duration(seconds: float | None) -> str:
    """`0.42 s`, `3 min 5 s`, or `-` when unknown."""
    if seconds is None:
        return "-"
    if seconds < 60:
        return f"{seconds:.2f} s"
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes} min {rest} s"

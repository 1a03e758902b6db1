"""How the CLI shows things: status colours, durations, tables, JSON."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

from headwater.terminal_style import STATUS_STYLES

if TYPE_CHECKING:
    import datetime as dt

    from rich.console import Console
    from rich.text import Text

    from headwater.runner.logs import LogLine

if TYPE_CHECKING:
    console: Console

# Where output goes to a file or a pipe there is no screen to fit: Rich would cut tables
# and wrap lines at 80 columns, so `headwater ... | grep` would miss what was cut.
_PIPED_WIDTH = 240


def __getattr__(name: str) -> Any:
    # `render.console` is made on first use (PEP 562): Rich's console costs tens of
    # milliseconds, which `headwater --help` should not pay.
    if name != "console":
        raise AttributeError(f"module '{__name__}' has no attribute '{name}'")
    return get_console()


def get_console() -> Console:
    """The console every command prints to, made on first use."""
    made = globals().get("console")
    if made is None:
        from rich.console import Console

        made = Console()
        if not made.is_terminal:
            made = Console(width=max(made.width, _PIPED_WIDTH), soft_wrap=True)
        globals()["console"] = made
    return made


def status(value: str) -> str:
    """A status word in its colour (completed blue, cached green, failed red, ...)."""
    return f"[{STATUS_STYLES.get(value, 'default')}]{value}[/]"


def timestamp(value: dt.datetime | None) -> str:
    """A local, second-precision time, or `-`."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S") if value else "-"


def print_json(value: Any) -> None:
    """Print machine-readable output for `--output json`."""
    # Plain `write`: Rich would wrap long strings and colour the JSON on a terminal.
    sys.stdout.write(json.dumps(value, default=str, indent=2) + "\n")


def print_page_json(page: Any, items: list[Any]) -> None:
    """A list command's `--output json`: the items and where the page is in the list."""
    print_json(
        {
            "items": items,
            "total": page.total,
            "index": page.index,
            "size": page.size,
            "total_pages": page.total_pages,
        }
    )


def page_title(page: Any, noun: str) -> str:
    """`3 runs` or `page 2 of 5, 93 runs` above a table."""
    count = f"{page.total} {noun}{'' if page.total == 1 else 's'}"
    return count if page.total_pages == 1 else f"page {page.index} of {page.total_pages}, {count}"


def literal(value: str, style: str = "") -> Text:
    """User text as Rich text that is never parsed as markup: '[red]' stays literal."""
    from rich.text import Text

    return Text(value, style=style)


def status_text(value: str) -> Text:
    """A status word in its colour, as Rich text."""
    from rich.text import Text

    return Text(value, style=STATUS_STYLES.get(value, "default"))


def log_line(line: LogLine) -> None:
    """One captured log line: its local time, then the message (stderr in red)."""
    from rich.text import Text

    style = "red" if line.stream == "stderr" else ""
    text = Text.assemble((timestamp(line.time), "dim"), " ", (line.message, style))
    get_console().print(text, highlight=False, soft_wrap=True)


def size(byte_count: int) -> str:
    """`512 B`, `1.5 KiB`, `3.2 MiB`, ..."""
    value = float(byte_count)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"

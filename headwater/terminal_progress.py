"""Live progress on the terminal: a coloured line as each step of a run starts and ends.

The runner logs progress (`headwater.runner.progress`); this module shows those records.
Calling a pipeline turns it on when standard output is a terminal, or when
`HEADWATER_PROGRESS=1`; `HEADWATER_PROGRESS=0` turns it off. Lines look like

    ▶ run linear-3 of pipeline linear
      ○ load started
      ● load cached (cache hit) 0.00 s
      ● train completed 1.20 s
    ■ run linear-3 completed in 1.31 s
"""

from __future__ import annotations

import logging
import os
import sys
from typing import TYPE_CHECKING

from headwater.runner.progress import ProgressEvent, ProgressKind
from headwater.runner.progress import logger as progress_logger

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

PROGRESS_VARIABLE = "HEADWATER_PROGRESS"
_OFF = frozenset({"0", "false", "no", "off"})
_ON = frozenset({"1", "true", "yes", "on"})


class TerminalProgressHandler(logging.Handler):
    """Draws progress records as coloured lines on a Rich console."""

    def __init__(self, console: Console) -> None:
        super().__init__(level=logging.INFO)
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        event = getattr(record, "progress", None)
        if not isinstance(event, ProgressEvent):
            return
        try:
            self.console.print(describe(event), highlight=False, soft_wrap=True)
        except Exception:
            self.handleError(record)


def show_progress(console: Console | None = None) -> TerminalProgressHandler:
    """Show run progress on `console` (standard output by default), once per process.

    Returns the handler, so a caller can remove it with `hide_progress`.
    """
    for handler in progress_logger.handlers:
        if isinstance(handler, TerminalProgressHandler):
            return handler
    if console is None:
        from rich.console import Console

        console = Console()
    handler = TerminalProgressHandler(console)
    progress_logger.addHandler(handler)
    progress_logger.setLevel(logging.INFO)
    # Shown here already: an application's root handler would print it twice.
    progress_logger.propagate = False
    return handler


def hide_progress() -> None:
    """Stop showing progress (undoes `show_progress`)."""
    for handler in list(progress_logger.handlers):
        if isinstance(handler, TerminalProgressHandler):
            progress_logger.removeHandler(handler)
    progress_logger.setLevel(logging.NOTSET)
    progress_logger.propagate = True


def show_progress_on_terminal() -> None:
    """Show progress if standard output is a terminal or `HEADWATER_PROGRESS` says so."""
    setting = os.environ.get(PROGRESS_VARIABLE, "").strip().lower()
    if setting in _OFF:
        return
    if setting in _ON or sys.stdout.isatty():
        show_progress()


def describe(event: ProgressEvent) -> Text:
    """The line shown for one event."""
    from rich.text import Text

    from headwater.terminal_style import STATUS_STYLES, duration

    status = event.status.value if event.status is not None else "running"
    style = STATUS_STYLES.get(status, "default")
    match event.kind:
        case ProgressKind.RUN_STARTED:
            return Text.assemble(
                ("▶ run ", "bold"), (event.run_name, "bold"), f" of pipeline {event.pipeline_name}"
            )
        case ProgressKind.STEP_STARTED:
            return Text.assemble(
                "  ", ("○ ", "yellow"), (event.step_name or "", "bold"), (" started", "yellow")
            )
        case ProgressKind.STEP_FINISHED:
            hit = " (cache hit)" if event.is_cache_hit else ""
            took = "" if event.duration_seconds is None else f" {duration(event.duration_seconds)}"
            return Text.assemble(
                "  ",
                ("● ", style),
                (event.step_name or "", "bold"),
                (f" {status}{hit}", style),
                (took, "dim"),
            )
        case ProgressKind.RUN_FINISHED:
            took = (
                "" if event.duration_seconds is None else f" in {duration(event.duration_seconds)}"
            )
            return Text.assemble(
                ("■ run ", "bold"), (event.run_name, "bold"), (f" {status}", style), took
            )

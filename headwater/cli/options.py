"""Options that many commands share: output format, paging, confirmation, times."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

import typer

from headwater.errors import HeadwaterError


class OutputFormat(StrEnum):
    """How a list or show command prints: a table for people, JSON for scripts."""

    TABLE = "table"
    JSON = "json"


OutputOption = Annotated[
    OutputFormat, typer.Option("--output", "-o", help="table, or json for scripts.")
]
PageOption = Annotated[int, typer.Option(min=1, help="Page number, from 1.")]
SizeOption = Annotated[int, typer.Option(min=1, max=10_000, help="Items per page.")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")]

_RELATIVE = re.compile(r"(\d+)\s*([smhdw])")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def confirm(question: str, *, yes: bool) -> None:
    """Ask before something destructive unless `--yes` was given.

    Raises:
        typer.Abort: the user said no (or stdin is closed).
    """
    if not yes:
        typer.confirm(question, abort=True)


def parse_moment(option: str, text: str, *, now: dt.datetime | None = None) -> dt.datetime:
    """`2026-01-31`, `2026-01-31T08:00`, or an age such as `2h`, `3d`, `1w` (ago).

    Raises:
        HeadwaterError: the text is neither.
    """
    relative = _RELATIVE.fullmatch(text.strip())
    if relative:
        amount, unit = int(relative.group(1)), _UNITS[relative.group(2)]
        try:
            return (now or dt.datetime.now(dt.UTC)) - dt.timedelta(**{unit: amount})
        except OverflowError:
            raise HeadwaterError(
                f"{option} '{text}' reaches back before the year 1. Give a shorter age, "
                f"such as '30d', or a date such as '2026-01-31'."
            ) from None
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise HeadwaterError(
            f"{option} '{text}' is not a time. Give a date such as '2026-01-31', a date and "
            f"time such as '2026-01-31T08:00', or an age such as '2h', '3d' or '1w'."
        ) from None
    return moment if moment.tzinfo else moment.astimezone()

"""`LegacyApiWarning`: said once per process for each 0.x entry point a program uses."""

from __future__ import annotations

import sys
import threading
import warnings

# Frames of these modules are skipped, so the warning points at the user's own line.
_INTERNAL_MODULES = ("headwater.", "pydantic", "abc", "typing", "functools")


class LegacyApiWarning(FutureWarning):
    """A 0.x API was used; the message names the modern replacement.

    A `FutureWarning`, so scripts show it by default; filter it with
    `warnings.filterwarnings("ignore", category=LegacyApiWarning)`.
    """


_warned: set[str] = set()
_lock = threading.Lock()


def warn_legacy(api: str, replacement: str) -> None:
    """Warn that `api` is the legacy 0.x API and name its replacement, once per process."""
    with _lock:
        if api in _warned:
            return
        _warned.add(api)
    warnings.warn(
        f"'{api}' is Headwater's legacy 0.x API, kept so code from the first ZenML docs "
        f"runs unchanged. Use {replacement} instead.",
        LegacyApiWarning,
        stacklevel=_user_stacklevel(),
    )


def _user_stacklevel() -> int:
    """The `stacklevel` of the first frame outside Headwater, counted from `warn_legacy`."""
    frame = sys._getframe(2)
    level = 2
    while frame.f_back is not None and frame.f_globals.get("__name__", "").startswith(
        _INTERNAL_MODULES
    ):
        frame = frame.f_back
        level += 1
    return level


def forget_legacy_warnings() -> None:
    """Let every legacy entry point warn again (for tests and long-lived notebooks)."""
    with _lock:
        _warned.clear()

"""Running the `headwater` command in-process, as a user would type it, and capturing what
it prints and how it exits."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from typing import Any

import pytest

from headwater.cli import render
from headwater.cli.main import main


@dataclass(frozen=True)
class CliResult:
    """What one command printed and its exit code."""

    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        """The standard output read as JSON (for `-o json`)."""
        return json.loads(self.stdout)


def run_headwater(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str
) -> CliResult:
    """Run `headwater ARGS...` through the real entry point (error handling included)."""
    capsys.readouterr()
    # Each command is a new process for its user: its console is made from this test's
    # environment (COLUMNS, a pipe), not kept from an earlier test in this worker.
    monkeypatch.delitem(render.__dict__, "console", raising=False)
    monkeypatch.setattr(sys, "argv", ["headwater", *args])
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    captured = capsys.readouterr()
    return CliResult(code, captured.out, captured.err)

"""Fixtures of the CLI tests: a `headwater` runner bound to the test's empty home."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.cli.invoke import CliResult, run_headwater


@pytest.fixture
def headwater(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., CliResult]:
    """`headwater("stack", "list")` runs the command and returns what it printed."""

    def run(*args: str) -> CliResult:
        return run_headwater(capsys, monkeypatch, *args)

    return run

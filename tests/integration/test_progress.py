"""Live progress: a line per step as it starts and ends, shown only on a terminal."""

from __future__ import annotations

import io
import logging

import pytest
from rich.console import Console

from headwater.runner.progress import logger as progress_logger
from headwater.terminal_progress import TerminalProgressHandler, hide_progress, show_progress
from tests.pipelines.fails_midway import fails_midway
from tests.pipelines.linear import linear


@pytest.fixture
def terminal():
    """Progress shown on an in-memory console, removed again after the test."""
    output = io.StringIO()
    show_progress(Console(file=output, width=120, color_system=None))
    yield output
    hide_progress()


def test_each_step_prints_a_line_as_it_starts_and_as_it_ends(terminal):
    linear()

    lines = terminal.getvalue().splitlines()

    assert lines[0] == "▶ run linear-1 of pipeline linear"
    assert lines[1] == "  ○ load started"
    assert lines[2].startswith("  ● load completed ")
    assert lines[2].endswith(" s")
    assert [line.split()[1] for line in lines[1:-1]] == ["load"] * 2 + ["double"] * 2 + [
        "total"
    ] * 2
    assert lines[-1].startswith("■ run linear-1 completed in ")


def test_cache_hits_say_so(terminal):
    linear()
    terminal.truncate(0)
    terminal.seek(0)

    linear()

    assert terminal.getvalue().count("cached (cache hit)") == 3


def test_a_failed_step_and_its_run_end_in_failed(terminal):
    with pytest.raises(RuntimeError):
        fails_midway()

    text = terminal.getvalue()
    assert "  ● explode failed" in text
    assert "never_runs" not in text
    assert "■ run fails_midway-1 failed" in text


def test_nothing_is_shown_when_output_is_not_a_terminal(monkeypatch):
    monkeypatch.delenv("HEADWATER_PROGRESS", raising=False)

    linear()

    assert not any(isinstance(h, TerminalProgressHandler) for h in progress_logger.handlers)
    assert progress_logger.getEffectiveLevel() == logging.WARNING


def test_headwater_progress_turns_it_on_without_a_terminal(monkeypatch, capsys):
    monkeypatch.setenv("HEADWATER_PROGRESS", "1")
    try:
        linear()
    finally:
        hide_progress()

    assert "▶ run linear-1 of pipeline linear" in capsys.readouterr().out

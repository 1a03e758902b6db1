"""The `headwater` group imports a command's module only when that command is used."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import typer

from headwater.cli.lazy_group import LazyTyperGroup
from headwater.cli.main import COMMANDS, app

REPOSITORY = Path(__file__).parents[2]

# Runs the real entry point, then reports which modules the process imported.
IMPORTED_MODULES_SCRIPT = """
import json, sys
from headwater.cli.main import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write(json.dumps(sorted(sys.modules)))
"""


def imported_modules(*args: str) -> set[str]:
    """The modules a fresh `headwater ARGS...` process imported."""
    command = [sys.executable, "-c", IMPORTED_MODULES_SCRIPT, *args]
    environment = {**os.environ, "PYTHONPATH": str(REPOSITORY)}

    process = subprocess.run(command, capture_output=True, text=True, env=environment, check=True)

    return set(json.loads(process.stderr))


def command_modules(modules: set[str]) -> set[str]:
    """The command modules among `modules` (the group's own machinery left out)."""
    machinery = {"headwater.cli", "headwater.cli.main", "headwater.cli.lazy_group"}
    # `--version` is an option of the group itself, so its module loads with it.
    machinery |= {"headwater.cli.version", "headwater.cli.render"}
    return {name for name in modules if name.startswith("headwater.cli.")} - machinery


def test_help_imports_no_command_module():
    modules = imported_modules("--help")

    assert command_modules(modules) == set()
    assert "pydantic" not in modules


def test_a_group_help_imports_only_that_group_and_no_pydantic():
    modules = imported_modules("runs", "--help")

    assert "headwater.cli.runs" in modules
    assert "headwater.cli.pipelines" not in modules
    assert "headwater.cli.models" not in modules
    assert "pydantic" not in modules


def test_a_command_help_imports_no_pydantic():
    modules = imported_modules("runs", "list", "--help")

    assert "headwater.cli.runs" in modules
    assert "pydantic" not in modules


def headwater_group() -> LazyTyperGroup:
    """The `headwater` group as click sees it, its commands not yet imported."""
    group = typer.main.get_command(app)
    assert isinstance(group, LazyTyperGroup)
    return group


def test_every_summary_is_the_first_sentence_of_its_command_help():
    group = headwater_group()
    context = group.context_class(group, info_name="headwater")

    for entry in COMMANDS:
        loaded = group.get_command(context, entry.name)

        assert loaded is not None, entry.name
        assert loaded.get_short_help_str(10_000) == entry.summary, entry.name
        assert loaded.hidden == entry.is_hidden, entry.name


def test_help_reads_the_same_before_and_after_the_commands_are_loaded():
    group = headwater_group()
    context = group.context_class(group, info_name="headwater", terminal_width=100)
    unloaded_help = group.get_help(context)

    for entry in COMMANDS:
        group.get_command(context, entry.name)
    loaded_help = group.get_help(context)

    assert loaded_help == unloaded_help
    assert "  runs              Pipeline runs and their steps." in loaded_help
    assert "  user " not in loaded_help  # hidden: the alias of `users`


def test_a_mistyped_command_suggests_the_close_name(headwater):
    result = headwater("rus", "list")

    assert result.exit_code == 2
    assert result.stderr == "Error: No such command 'rus'. Did you mean 'runs'?\n"


def test_a_group_command_runs_once_loaded(headwater):
    result = headwater("runs", "list", "-o", "json")

    assert result.exit_code == 0, result.stderr
    assert result.json()["items"] == []

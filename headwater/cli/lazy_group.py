"""A command group that imports each command's module only when that command is used.

`headwater --help` lists every command from an index of names and summaries, so it
imports no command module; `headwater runs list` imports the runs module alone. Typer
turns every command's signature into click parameters when it builds a group, and
doing that for all 80 commands cost more than the 100 ms `--help` may take (issue 19).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import typer
from typer.core import TyperCommand, TyperGroup, TyperOption

if TYPE_CHECKING:
    # Typer carries its own copy of click; these are the classes it hands us.
    from typer import _click


@dataclass(frozen=True, slots=True)
class LazyCommand:
    """Where one command lives, and the line the group's help shows for it."""

    name: str
    # "module:attribute": a Typer app (a command group) or a command function.
    target: str
    # The first sentence of the command's help (a unit test holds the two equal).
    summary: str
    is_hidden: bool = False


class FlagDefaultsGroup(TyperGroup):
    """A Typer group whose unset flags default to False instead of None.

    Typer 0.29 imports pydantic (~60 ms) to coerce an unset flag's None (`--help`,
    `--install-completion`) while parsing a group's options; False needs no coercion, so
    `headwater runs --help` and `headwater runs list --help` never import it.
    """

    def get_params(self, ctx: _click.Context) -> list[_click.Parameter]:
        params = super().get_params(ctx)
        for param in params:
            if isinstance(param, TyperOption) and param.is_flag and param.default is None:
                param.default = False
        return params


class UnloadedCommand(TyperCommand):
    """A command's stand-in until it is looked up: it knows only its name and summary."""

    def __init__(self, entry: LazyCommand) -> None:
        super().__init__(entry.name, help=entry.summary, hidden=entry.is_hidden)
        self.entry = entry

    def load(self, parent: TyperGroup) -> _click.Command:
        """Import the command and build it as `add_typer` or `command` would have."""
        module_name, attribute = self.entry.target.split(":")
        found = getattr(importlib.import_module(module_name), attribute)
        holder = typer.Typer(
            rich_markup_mode=parent.rich_markup_mode, suggest_commands=parent.suggest_commands
        )
        if isinstance(found, typer.Typer):
            holder.add_typer(
                found, name=self.entry.name, hidden=self.entry.is_hidden, cls=FlagDefaultsGroup
            )
        else:
            holder.command(self.entry.name, hidden=self.entry.is_hidden)(found)
        return typer.main.get_group(holder).commands[self.entry.name]


class LazyTyperGroup(FlagDefaultsGroup):
    """A Typer group whose commands come from `index` and are imported on first lookup.

    Subclass it with an `index` and pass the subclass as `typer.Typer(cls=...)`.
    """

    index: ClassVar[tuple[LazyCommand, ...]] = ()

    def __init__(self, **attributes: Any) -> None:  # Typer's own keywords, passed on
        super().__init__(**attributes)
        for entry in self.index:
            # Stand-ins keep the index's order and let click suggest close names.
            self.commands.setdefault(entry.name, UnloadedCommand(entry))

    def get_command(self, ctx: _click.Context, cmd_name: str) -> _click.Command | None:
        command = self.commands.get(cmd_name)
        if isinstance(command, UnloadedCommand):
            command = self.commands[cmd_name] = command.load(self)
        return command

    def format_commands(self, ctx: _click.Context, formatter: _click.HelpFormatter) -> None:
        # Reads the stand-ins' summaries: listing commands must not import them.
        shown = [(name, command) for name, command in self.commands.items() if not command.hidden]
        if not shown:
            return
        # Three times click's default spacing, as Typer's own group allows.
        limit = formatter.width - 6 - max(len(name) for name, _ in shown)
        rows = [(name, command.get_short_help_str(limit)) for name, command in shown]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

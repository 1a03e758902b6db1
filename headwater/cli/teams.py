"""`headwater teams list|create|delete|add|remove`: users granted project roles together."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render
from headwater.cli.options import OutputFormat, OutputOption

app = typer.Typer(help="Teams of users who share project roles.", no_args_is_help=True)

TeamArgument = Annotated[str, typer.Argument(help="The team's name.")]


@app.command("list")
def list_teams(output: OutputOption = OutputFormat.TABLE) -> None:
    """List teams and their members."""
    from rich.table import Table

    from headwater.client import Client

    teams = Client().list_teams()
    if output is OutputFormat.JSON:
        render.print_json([t.model_dump(mode="json") for t in teams])
        return
    table = Table("team", "members", "created")
    for team in teams:
        members = render.literal(", ".join(team.members) or "-")
        table.add_row(render.literal(team.name), members, render.timestamp(team.created))
    render.console.print(table)


@app.command("create")
def create_team(
    name: TeamArgument,
    members: Annotated[list[str] | None, typer.Argument(help="Users to add.")] = None,
) -> None:
    """Create a team, optionally with its first members."""
    from headwater.client import Client

    team = Client().create_team(name, members or [])
    render.console.print(f"Created team '{team.name}' with {len(team.members)} member(s).")


@app.command("delete")
def delete_team(name: TeamArgument) -> None:
    """Delete a team and the project roles granted to it."""
    from headwater.client import Client

    Client().delete_team(name)
    render.console.print(f"Deleted team '{name}'.")


@app.command("add")
def add_member(name: TeamArgument, user: Annotated[str, typer.Argument(help="A user.")]) -> None:
    """Add a user to a team."""
    from headwater.client import Client

    team = Client().add_team_member(name, user)
    render.console.print(f"Team '{team.name}': {', '.join(team.members)}.")


@app.command("remove")
def remove_member(name: TeamArgument, user: Annotated[str, typer.Argument(help="A user.")]) -> None:
    """Remove a user from a team."""
    from headwater.client import Client

    team = Client().remove_team_member(name, user)
    render.console.print(f"Team '{team.name}': {', '.join(team.members) or 'no members'}.")

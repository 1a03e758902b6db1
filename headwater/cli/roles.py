"""`headwater roles list|show|create|delete`: built-in and custom project roles."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render
from headwater.cli.options import OutputFormat, OutputOption

app = typer.Typer(help="Project roles: built-in and custom.", no_args_is_help=True)


@app.command("list")
def list_roles(output: OutputOption = OutputFormat.TABLE) -> None:
    """List the built-in roles, then the custom ones, with their permissions."""
    from rich.table import Table

    from headwater.client import Client

    roles = Client().list_roles()
    if output is OutputFormat.JSON:
        render.print_json([r.model_dump(mode="json") for r in roles])
        return
    table = Table("role", "kind", "permissions")
    for role in roles:
        kind = "built-in" if role.is_built_in else "custom"
        table.add_row(render.literal(role.name), kind, render.literal(" ".join(role.permissions)))
    render.console.print(table)


@app.command("create")
def create_role(
    name: Annotated[str, typer.Argument(help="The role's name.")],
    permissions: Annotated[
        list[str], typer.Argument(help="resource:action, e.g. run:read model_version:promote")
    ],
) -> None:
    """Create a custom role from permissions."""
    from headwater.client import Client

    role = Client().create_role(name, permissions)
    render.console.print(f"Created role '{role.name}': {' '.join(role.permissions)}.")


@app.command("delete")
def delete_role(name: Annotated[str, typer.Argument(help="A custom role's name.")]) -> None:
    """Delete a custom role and every grant of it."""
    from headwater.client import Client

    Client().delete_role(name)
    render.console.print(f"Deleted role '{name}'.")

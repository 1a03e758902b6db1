"""`headwater access explain`: why a user may (or may not) do something on a server."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render
from headwater.cli.options import OutputFormat, OutputOption

app = typer.Typer(help="Who may do what, and why.", no_args_is_help=True)


@app.command("explain")
def explain(
    user: Annotated[str, typer.Argument(help="A user or service account.")],
    permission: Annotated[str, typer.Argument(help="resource:action, e.g. run:delete")],
    resource: Annotated[
        str,
        typer.Argument(help="'server', a project name, or kind:ref such as run:<id>"),
    ] = "server",
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Say which grants let USER do PERMISSION on RESOURCE, or that none does.

    Exits 1 when the user may not, so scripts can ask too.
    """
    from rich.table import Table

    from headwater.client import Client

    found = Client().explain_access(user, permission, resource)
    if output is OutputFormat.JSON:
        render.print_json(found.model_dump(mode="json"))
    else:
        render.console.print(render.literal(found.summary))
        if found.grants:
            table = Table("through", "role", "team", "project")
            for grant in found.grants:
                role = f"{grant.role} (custom)" if grant.is_custom_role else grant.role
                table.add_row(
                    grant.source.value.replace("_", " "),
                    render.literal(role),
                    render.literal(grant.team or "-"),
                    render.literal(grant.project or "server"),
                )
            render.console.print(table)
    if not found.allowed:
        # Not typer.Exit: `main` runs the app outside standalone mode, which returns it.
        raise SystemExit(1)

"""`headwater audit list`: who changed what through a server, when, and in which project."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render
from headwater.cli.options import OutputFormat, OutputOption, PageOption, SizeOption

app = typer.Typer(help="The audit trail of changes made through a server.", no_args_is_help=True)


@app.command("list")
def list_events(
    user: Annotated[str | None, typer.Option(help="Only this user's changes.")] = None,
    resource: Annotated[str | None, typer.Option(help="run, model_version, member, ...")] = None,
    action: Annotated[str | None, typer.Option(help="create, update, delete, ...")] = None,
    since: Annotated[str | None, typer.Option(help="e.g. 2026-01-01")] = None,
    page: PageOption = 1,
    size: SizeOption = 50,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List changes, newest first (server admins see all; project admins their projects)."""
    from rich.table import Table

    from headwater.client import Client

    created = None if since is None else f"gte:{since}"
    found = Client().list_audit_events(
        user=user, resource=resource, action=action, created=created, page=page, size=size
    )
    if output is OutputFormat.JSON:
        render.print_page_json(found, [e.model_dump(mode="json") for e in found.items])
        return
    table = Table(
        "when", "user", "action", "resource", "name or id", title=render.page_title(found, "change")
    )
    for event in found.items:
        table.add_row(
            render.timestamp(event.created),
            render.literal(event.user_name),
            event.action,
            event.resource,
            render.literal(event.resource_name or event.resource_id or "-"),
        )
    render.console.print(table)

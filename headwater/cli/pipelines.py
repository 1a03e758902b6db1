"""`headwater pipelines ...`."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render

app = typer.Typer(help="Pipelines and their runs.", no_args_is_help=True)


@app.command("list")
def list_pipelines(
    output: Annotated[str, typer.Option("--output", "-o", help="table or json")] = "table",
) -> None:
    """List pipelines, newest first."""
    from rich.table import Table

    from headwater.client import Client

    page = Client().list_pipelines(size=1000)
    if output == "json":
        render.print_json([p.model.model_dump(mode="json") for p in page.items])
        return
    table = Table("pipeline", "created")
    for item in page.items:
        table.add_row(item.name, render.timestamp(item.created))
    render.console.print(table)

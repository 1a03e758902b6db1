"""`headwater pipelines list|show|delete`."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render
from headwater.cli.options import (
    OutputFormat,
    OutputOption,
    PageOption,
    SizeOption,
    YesOption,
    confirm,
)

app = typer.Typer(help="Pipelines and their runs.", no_args_is_help=True)


@app.command("list")
def list_pipelines(
    name: Annotated[str | None, typer.Option(help="e.g. training, or contains:train")] = None,
    sort_by: Annotated[str, typer.Option(help="e.g. desc:created, asc:name.")] = "desc:created",
    page: PageOption = 1,
    size: SizeOption = 50,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List pipelines, newest first."""
    from rich.table import Table

    from headwater.client import Client

    found = Client().list_pipelines(name=name, sort_by=sort_by, page=page, size=size)
    if output is OutputFormat.JSON:
        render.print_page_json(found, [p.model.model_dump(mode="json") for p in found.items])
        return
    table = Table("pipeline", "created", title=render.page_title(found, "pipeline"))
    for item in found.items:
        table.add_row(render.literal(item.name), render.timestamp(item.created))
    render.console.print(table)


@app.command("show")
def show_pipeline(
    pipeline: Annotated[str, typer.Argument(help="Pipeline name or id.")],
    size: Annotated[int, typer.Option(min=1, help="How many recent runs to show.")] = 10,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Show a pipeline and its most recent runs."""
    from headwater.cli.runs import runs_table
    from headwater.client import Client

    client = Client()
    response = client.get_pipeline(pipeline)
    runs = client.list_pipeline_runs(pipeline_id=str(response.id), size=size)
    if output is OutputFormat.JSON:
        recent = [r.model.model_dump(mode="json") for r in runs.items]
        render.print_json({**response.model.model_dump(mode="json"), "runs": recent})
        return
    render.console.print(render.literal(f"{response.name}", "bold"), f"  id {response.id}")
    render.console.print(runs_table(runs.items, title=render.page_title(runs, "run")))


@app.command("delete")
def delete_pipeline(
    pipeline: Annotated[str, typer.Argument(help="Pipeline name or id.")],
    yes: YesOption = False,
) -> None:
    """Delete a pipeline and all its runs (artifacts stay; prune them with
    `headwater artifacts prune`)."""
    from headwater.client import Client

    client = Client()
    response = client.get_pipeline(pipeline)
    count = client.list_pipeline_runs(pipeline_id=str(response.id), size=1).total
    confirm(f"Delete pipeline '{response.name}' and its {count} run(s)?", yes=yes)
    client.delete_pipeline(response.id)
    render.console.print(f"Deleted pipeline '{response.name}' and {count} run(s).")

"""`headwater tags list`, `headwater users list`."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from headwater.cli import render
from headwater.cli.options import OutputFormat, OutputOption, PageOption, SizeOption

tags_app = typer.Typer(help="Tags on runs, artifacts and models.", no_args_is_help=True)
users_app = typer.Typer(help="Users who ran pipelines.", no_args_is_help=True)

NameOption = Annotated[str | None, typer.Option(help="e.g. nightly, or contains:night")]


@tags_app.command("list")
def list_tags(
    name: NameOption = None,
    page: PageOption = 1,
    size: SizeOption = 50,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List tags by name."""
    from headwater.client import Client

    _show(Client().list_tags(name=name, page=page, size=size), "tag", output)


@users_app.command("list")
def list_users(
    name: NameOption = None,
    page: PageOption = 1,
    size: SizeOption = 50,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List users by name."""
    from headwater.client import Client

    _show(Client().list_users(name=name, page=page, size=size), "user", output)


def _show(found: Any, noun: str, output: OutputFormat) -> None:
    """A page of named things (each with `name`, `id`, `created`) as a table or JSON."""
    from rich.table import Table

    if output is OutputFormat.JSON:
        render.print_page_json(found, [item.model_dump(mode="json") for item in found.items])
        return
    table = Table(noun, "created", "id", title=render.page_title(found, noun))
    for item in found.items:
        table.add_row(render.literal(item.name), render.timestamp(item.created), str(item.id))
    render.console.print(table)

"""`headwater artifacts list|show|prune`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

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

if TYPE_CHECKING:
    from headwater.client.catalog import PruneResult
    from headwater.responses import ArtifactVersionResponse

app = typer.Typer(help="Artifacts, their versions, and pruning unused ones.", no_args_is_help=True)


@app.command("list")
def list_artifacts(
    name: Annotated[str | None, typer.Option(help="e.g. model, or contains:model")] = None,
    tag: Annotated[str | None, typer.Option(help="Only artifacts with this tag.")] = None,
    sort_by: Annotated[str, typer.Option(help="e.g. desc:created, asc:name.")] = "desc:created",
    page: PageOption = 1,
    size: SizeOption = 50,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List artifacts (each a series of versions saved under one name)."""
    from rich.table import Table

    from headwater.client import Client

    found = Client().list_artifacts(name=name, tag=tag, sort_by=sort_by, page=page, size=size)
    if output is OutputFormat.JSON:
        render.print_page_json(found, [a.model.model_dump(mode="json") for a in found.items])
        return
    table = Table("artifact", "created", "tags", title=render.page_title(found, "artifact"))
    for item in found.items:
        table.add_row(
            render.literal(item.name),
            render.timestamp(item.created),
            render.literal(", ".join(item.tags)),
        )
    render.console.print(table)


@app.command("show")
def show_artifact(
    artifact: Annotated[str, typer.Argument(help="Artifact name, or an artifact version id.")],
    version: Annotated[str | None, typer.Option(help="Show only this version.")] = None,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Show an artifact's versions: type, size, where the bytes are, metadata."""
    from headwater.client import Client

    client = Client()
    if version is not None or _is_id(artifact):
        versions = [client.get_artifact_version(artifact, version)]
    else:
        versions = client.get_artifact(artifact).versions
    if output is OutputFormat.JSON:
        render.print_json([v.model.model_dump(mode="json") for v in versions])
        return
    render.console.print(_versions_table(versions))


@app.command("prune")
def prune_artifacts(
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Only list what would be deleted.")
    ] = False,
    yes: YesOption = False,
    keep_artifacts: Annotated[
        bool, typer.Option(help="Keep artifact names left without versions.")
    ] = True,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Delete artifact versions no remaining run uses, and their bytes; and what saves
    killed midway left in the artifact store's `.tmp/`.

    Lists them first; asks before deleting versions unless `--yes`.
    """
    from headwater.client import Client
    from headwater.client.catalog import PruneResult

    client = Client()
    listed = client.prune_artifacts(dry_run=True, only_versions=keep_artifacts)
    if dry_run:
        _show_prune(listed, output=output)
        return
    if not listed.artifact_versions:
        # Nothing to confirm: the folders of ended saves are no one's.
        removed = client.remove_abandoned_saves()
        _show_prune(PruneResult([], [], False, removed.folders, removed.size_bytes), output=output)
        return
    if output is OutputFormat.TABLE:
        render.console.print(_versions_table(listed.artifact_versions))
    count = len(listed.artifact_versions)
    confirm(f"Delete these {count} artifact version(s) and their bytes?", yes=yes)
    pruned = client.prune_artifacts(only_versions=keep_artifacts)
    _show_prune(pruned, output=output, table=False)


def _show_prune(pruned: PruneResult, *, output: OutputFormat, table: bool = True) -> None:
    versions = pruned.artifact_versions
    if output is OutputFormat.JSON:
        render.print_json(
            {
                "deleted": not pruned.dry_run,
                "artifact_versions": [v.model.model_dump(mode="json") for v in versions],
                "abandoned_saves": pruned.abandoned_saves,
                "abandoned_save_bytes": pruned.abandoned_save_bytes,
            }
        )
        return
    if table and versions:
        render.console.print(_versions_table(versions))
    verb = "Would delete" if pruned.dry_run else "Deleted"
    if versions:
        size = render.size(sum({v.uri: v.size_bytes for v in versions}.values()))
        render.console.print(f"{verb} {len(versions)} artifact version(s), {size}.")
    elif not pruned.abandoned_saves:
        render.console.print("Nothing to prune: every artifact version is used by a run.")
    if pruned.abandoned_saves:
        size = render.size(pruned.abandoned_save_bytes)
        verb = "Would remove" if pruned.dry_run else "Removed"
        render.console.print(
            f"{verb} {pruned.abandoned_saves} unfinished save(s) left in '.tmp' by "
            f"processes that ended, {size}."
        )


def _versions_table(versions: list[ArtifactVersionResponse]) -> Any:
    from rich.table import Table

    table = Table("artifact", "version", "type", "size", "created", "uri", "tags")
    for item in versions:
        table.add_row(
            render.literal(item.name),
            str(item.version),
            render.literal(item.data_type),
            render.size(item.size_bytes),
            render.timestamp(item.created),
            render.literal(item.uri),
            render.literal(", ".join(item.tags)),
        )
    return table


def _is_id(text: str) -> bool:
    import uuid

    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True

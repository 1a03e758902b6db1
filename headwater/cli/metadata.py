"""`headwater metadata keys|series`: every metadata key in use, and one key over time."""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from headwater.cli import render
from headwater.cli.options import OutputFormat, OutputOption, parse_moment

if TYPE_CHECKING:
    from headwater.store.metadata_catalog import MetadataKey, MetadataSeries

app = typer.Typer(help="Metadata keys and their values over time.", no_args_is_help=True)

ResourceOption = Annotated[
    str | None, typer.Option(help="run, step, artifact_version or model_version.")
]
PipelineOption = Annotated[str | None, typer.Option(help="Only entities of this pipeline.")]
ProjectOption = Annotated[str | None, typer.Option(help="A project (default: the active one).")]


class SeriesFormat(StrEnum):
    """How `metadata series` prints: a table for people, JSON or CSV for files."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


@app.command("keys")
def list_keys(
    resource: ResourceOption = None,
    pipeline: PipelineOption = None,
    project: ProjectOption = None,
    search: Annotated[str | None, typer.Option(help="Only keys containing this text.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Written at or after: 2026-01-31, or an age: 3d.")
    ] = None,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List every metadata key with its types, how many carry it, first and last seen."""
    from headwater.client import Client

    keys = Client().list_metadata_keys(
        resource=resource,
        pipeline_name=pipeline,
        project=project,
        search=search,
        since=parse_moment("--since", since) if since else None,
    )
    if output is OutputFormat.JSON:
        render.print_json([key.model_dump(mode="json") for key in keys])
        return
    render.console.print(_keys_table(keys))


@app.command("series")
def show_series(
    key: Annotated[str, typer.Argument(help="The metadata key, such as accuracy.")],
    resource: Annotated[
        str, typer.Option(help="run, step, artifact_version or model_version.")
    ] = "run",
    pipeline: PipelineOption = None,
    project: ProjectOption = None,
    last: Annotated[int | None, typer.Option(min=1, help="Only the newest N.")] = None,
    max_points: Annotated[
        int, typer.Option(min=1, max=10_000, help="Bucket (min/max/mean) past this many.")
    ] = 2_000,
    output: Annotated[
        SeriesFormat, typer.Option("--output", "-o", help="table, json or csv.")
    ] = SeriesFormat.TABLE,
) -> None:
    """Show a metadata key's values over runs (or steps, artifact or model versions)."""
    from headwater.client import Client

    series = Client().metadata_series(
        key,
        resource=resource,
        pipeline_name=pipeline,
        project=project,
        last=last,
        max_points=max_points,
    )
    match output:
        case SeriesFormat.JSON:
            sys.stdout.write(json.dumps(series.model_dump(mode="json")) + "\n")
        case SeriesFormat.CSV:
            sys.stdout.write(series_csv(series))
        case SeriesFormat.TABLE:
            render.console.print(_series_table(series))


_CSV_COLUMNS = ("time", "group", "entity_name", "value", "text", "min", "max", "count", "run_id")


def series_csv(series: MetadataSeries) -> str:
    """The series' points as CSV, one row per point, oldest first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for point in series.points:
        row = point.model_dump(mode="json")
        writer.writerow(["" if row[name] is None else row[name] for name in _CSV_COLUMNS])
    return buffer.getvalue()


def _keys_table(keys: list[MetadataKey]) -> object:
    from rich.table import Table

    table = Table("resource", "key", "types", "count", "first seen", "last seen")
    table.title = f"{len(keys)} metadata key{'' if len(keys) == 1 else 's'}"
    for key in keys:
        table.add_row(
            key.resource.value,
            render.literal(key.key),
            ", ".join(key.types),
            str(key.count),
            render.timestamp(key.first_seen),
            render.timestamp(key.last_seen),
        )
    return table


def _series_table(series: MetadataSeries) -> object:
    from rich.table import Table

    bucketed = " in buckets" if series.is_aggregated else ""
    table = Table("time", "pipeline", "entity", "value", "min", "max", "count")
    table.title = f"'{series.key}' over {series.total} {series.resource.value}s{bucketed}"
    for point in series.points:
        value = point.text if point.value is None else f"{point.value:g}"
        table.add_row(
            render.timestamp(point.time),
            render.literal(point.group or ""),
            render.literal(point.entity_name or ""),
            render.literal(value or ""),
            "" if point.min is None else f"{point.min:g}",
            "" if point.max is None else f"{point.max:g}",
            str(point.count),
        )
    return table

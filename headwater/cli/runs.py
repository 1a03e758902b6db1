"""`headwater runs list|show|compare|stop|delete` and `headwater logs`."""

from __future__ import annotations

import sys
import time
import uuid
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from headwater.cli import render
from headwater.cli.lineage import visualize_run
from headwater.cli.options import (
    OutputFormat,
    OutputOption,
    PageOption,
    SizeOption,
    YesOption,
    confirm,
    parse_moment,
)
from headwater.terminal_style import duration

if TYPE_CHECKING:
    from headwater.client import Client
    from headwater.responses import PipelineRunResponse, StepRunResponse

app = typer.Typer(help="Pipeline runs and their steps.", no_args_is_help=True)

# How often `logs --follow` looks for new lines.
FOLLOW_INTERVAL_SECONDS = 0.5


@app.command("list")
def list_runs(
    pipeline: Annotated[str | None, typer.Option(help="Only runs of this pipeline.")] = None,
    status: Annotated[
        str | None, typer.Option(help="e.g. failed, or oneof:[failed,stopped]")
    ] = None,
    tag: Annotated[str | None, typer.Option(help="Only runs with this tag.")] = None,
    where: Annotated[
        str | None,
        typer.Option(help="Metadata filter, e.g. 'accuracy >= 0.9 and exists(loss)'."),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Created at or after: 2026-01-31, or an age: 2h, 3d.")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Created before: 2026-02-01, or an age: 1d.")
    ] = None,
    sort_by: Annotated[str, typer.Option(help="e.g. desc:created, asc:name.")] = "desc:created",
    page: PageOption = 1,
    size: SizeOption = 20,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List runs, newest first."""
    from headwater.client import Client

    created = [f"gte:{parse_moment('--since', since).isoformat()}"] if since else []
    if until:
        created.append(f"lt:{parse_moment('--until', until).isoformat()}")
    found = Client().list_pipeline_runs(
        pipeline_name=pipeline,
        status=status,
        tag=tag,
        where=where,
        created=created or None,
        sort_by=sort_by,
        page=page,
        size=size,
    )
    if output is OutputFormat.JSON:
        render.print_page_json(found, [r.model.model_dump(mode="json") for r in found.items])
        return
    render.console.print(runs_table(found.items, title=render.page_title(found, "run")))


@app.command("show")
def show_run(
    run: Annotated[str, typer.Argument(help="Run name or id.")],
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Show a run as a tree of steps with status, duration and cache state."""
    from headwater.client import Client

    client = Client()
    response = client.get_pipeline_run(run)
    if output is OutputFormat.JSON:
        steps = [s.model.model_dump(mode="json") for s in response.steps.values()]
        render.print_json({**response.model.model_dump(mode="json"), "steps": steps})
        return
    render.console.print(_run_tree(client, response))
    if response.exception:
        render.console.print(render.literal(response.exception, "red"))


class CompareFormat(StrEnum):
    """How `runs compare` prints: a table for people, JSON or CSV for files and scripts."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"


@app.command("compare")
def compare_runs(
    runs: Annotated[list[str], typer.Argument(help="2 to 500 run names or ids.")],
    baseline: Annotated[
        str | None, typer.Option(help="The run deltas are taken against (default: the first).")
    ] = None,
    diff_only: Annotated[
        bool, typer.Option("--diff-only", help="Show only the rows whose values differ.")
    ] = False,
    output: Annotated[
        CompareFormat, typer.Option("--output", "-o", help="table, json or csv.")
    ] = CompareFormat.TABLE,
) -> None:
    """Compare runs side by side: parameters, metadata, steps, outputs, configuration."""
    from headwater.client import Client

    comparison = Client().compare_runs(runs, baseline=baseline)
    if diff_only:
        comparison = comparison.differences()
    match output:
        case CompareFormat.JSON:
            sys.stdout.write(comparison.to_json() + "\n")
        case CompareFormat.CSV:
            sys.stdout.write(comparison.to_csv())
        case CompareFormat.TABLE:
            from headwater.cli.comparison_view import comparison_table

            render.console.print(comparison_table(comparison))


@app.command("stop")
def stop_run(run: Annotated[str, typer.Argument(help="Run name or id.")]) -> None:
    """Record a run that has not ended as stopped, with its unfinished steps.

    For a run whose process is gone (killed, or its machine lost), or before deleting a
    run. A process still executing the run is not signalled: press Ctrl-C there.
    """
    from headwater.client import Client

    stopped = Client().stop_pipeline_run(run)
    render.console.print(f"Stopped run '{stopped.name}'.")


@app.command("delete")
def delete_run(
    run: Annotated[str, typer.Argument(help="Run name or id.")],
    yes: YesOption = False,
) -> None:
    """Delete a run with its step runs, metadata and logs (artifacts stay; prune them
    with `headwater artifacts prune`)."""
    from headwater.client import Client

    client = Client()
    response = client.get_pipeline_run(run)
    confirm(f"Delete run '{response.name}' and its {len(response.steps)} step run(s)?", yes=yes)
    client.delete_pipeline_run(response.id)
    render.console.print(f"Deleted run '{response.name}'.")


def logs(
    run: Annotated[str, typer.Argument(help="Run name or id.")],
    step: Annotated[str, typer.Argument(help="Step name.")],
    grep: Annotated[str | None, typer.Option(help="Only lines containing this text.")] = None,
    stream: Annotated[str | None, typer.Option(help="stdout, stderr or log.")] = None,
    follow: Annotated[
        bool,
        typer.Option(
            "--follow", "-f", help="Keep printing new lines until the step or its run ends."
        ),
    ] = False,
) -> None:
    """Print a step's captured log lines."""
    from headwater.client import Client

    client = Client()
    if not follow:
        for line in client.get_step_logs(run, step, grep=grep, stream=stream):
            render.log_line(line)
        return
    _follow(client, run, step, grep=grep, stream=stream)


def _follow(client: Client, run: str, step: str, *, grep: str | None, stream: str | None) -> None:
    """Print lines as they arrive until the step or its run ends."""
    printed = 0
    while True:
        response = client.get_pipeline_run(run)
        step_run = response.steps.get(step)
        if step_run is None:
            if response.status.is_finished:
                client.get_step_logs(run, step)  # raises: the step never ran
            time.sleep(FOLLOW_INTERVAL_SECONDS)
            continue
        lines = step_run.logs(grep=grep, stream=stream)
        for line in lines[printed:]:
            render.log_line(line)
        printed = len(lines)
        # A finished run's step will not end any more, even one an old writer left running.
        if step_run.status.is_finished or response.status.is_finished:
            return
        time.sleep(FOLLOW_INTERVAL_SECONDS)


def runs_table(runs: list[PipelineRunResponse], *, title: str) -> Any:
    from rich.table import Table

    table = Table("run", "pipeline", "status", "created", "duration", "tags", title=title)
    for run in runs:
        seconds = (run.ended - run.started).total_seconds() if run.ended and run.started else None
        table.add_row(
            render.literal(run.name),
            render.literal(run.pipeline_name),
            render.status(run.status),
            render.timestamp(run.created),
            duration(seconds),
            render.literal(", ".join(run.tags)),
        )
    return table


def _run_tree(client: Client, run: PipelineRunResponse) -> Any:
    from rich.text import Text
    from rich.tree import Tree

    header = Text.assemble((run.name, "bold"), " ", render.status_text(run.status))
    header.append(f"  {run.pipeline_name}  {render.timestamp(run.created)}", style="dim")
    tree = Tree(header)
    for name, step in run.steps.items():
        branch = tree.add(_step_label(client, name, step))
        for output_name, artifact in step.outputs.items():
            branch.add(Text(f"{output_name} → {artifact.name} v{artifact.version}", style="dim"))
    return tree


def _step_label(client: Client, name: str, step: StepRunResponse) -> Any:
    from rich.text import Text

    label = Text.assemble(
        (name, "bold"),
        "  ",
        render.status_text(step.status),
        "  ",
        duration(step.duration_seconds),
    )
    if step.is_cached and step.original_step_run_id is not None:
        origin = _origin(client, step.original_step_run_id)
        label.append(f"  cache hit: reused {origin}", style="green")
    elif step.model.status.is_successful:
        label.append("  executed (cache miss)", style="dim")
    return label


def _origin(client: Client, original_step_run_id: uuid.UUID) -> str:
    from headwater.errors import EntityNotFoundError

    try:
        original = client.get_run_step(original_step_run_id)
        return f"run '{client.get_pipeline_run(original.run_id).name}'"
    except EntityNotFoundError:  # the original run was deleted since
        return f"step run {original_step_run_id}"


# `headwater runs visualize` lives with the lineage renderers; it is listed last.
app.command("visualize")(visualize_run)

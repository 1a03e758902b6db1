"""`headwater runs ...` and `headwater logs`."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render

app = typer.Typer(help="Pipeline runs and their steps.", no_args_is_help=True)

OutputOption = Annotated[str, typer.Option("--output", "-o", help="table or json")]


@app.command("list")
def list_runs(
    pipeline: Annotated[str | None, typer.Option(help="Only runs of this pipeline.")] = None,
    status: Annotated[
        str | None, typer.Option(help="e.g. failed, or oneof:[failed,stopped]")
    ] = None,
    size: Annotated[int, typer.Option(help="How many runs to show.")] = 20,
    output: OutputOption = "table",
) -> None:
    """List runs, newest first."""
    from rich.table import Table

    from headwater.client import Client

    page = Client().list_pipeline_runs(pipeline_name=pipeline, status=status, size=size)
    if output == "json":
        render.print_json([r.model.model_dump(mode="json") for r in page.items])
        return
    table = Table("run", "pipeline", "status", "created", "duration", title=f"{page.total} run(s)")
    for run in page.items:
        seconds = (run.ended - run.started).total_seconds() if run.ended and run.started else None
        table.add_row(
            run.name,
            run.pipeline_name,
            render.status(run.status),
            render.timestamp(run.created),
            render.duration(seconds),
        )
    render.console.print(table)


@app.command("show")
def show_run(
    run: Annotated[str, typer.Argument(help="Run name or id.")],
    output: OutputOption = "table",
) -> None:
    """Show a run as a tree of steps with status, duration and cache state."""
    from rich.tree import Tree

    from headwater.client import Client

    response = Client().get_pipeline_run(run)
    if output == "json":
        render.print_json(
            {
                **response.model.model_dump(mode="json"),
                "steps": [s.model.model_dump(mode="json") for s in response.steps.values()],
            }
        )
        return
    tree = Tree(f"[bold]{response.name}[/] {render.status(response.status)}")
    for name, step in response.steps.items():
        branch = tree.add(
            f"{name}  {render.status(step.status)}  {render.duration(step.duration_seconds)}"
        )
        for output_name, artifact in step.outputs.items():
            branch.add(f"[dim]{output_name}[/] → {artifact.name} v{artifact.version}")
    render.console.print(tree)
    if response.exception:
        render.console.print(f"[red]{response.exception}[/]")


def logs(
    run: Annotated[str, typer.Argument(help="Run name or id.")],
    step: Annotated[str, typer.Argument(help="Step name.")],
    grep: Annotated[str | None, typer.Option(help="Only lines containing this text.")] = None,
    stream: Annotated[str | None, typer.Option(help="stdout, stderr or log.")] = None,
) -> None:
    """Print a step's captured log lines."""
    from rich.text import Text

    from headwater.client import Client

    for line in Client().get_step_logs(run, step, grep=grep, stream=stream):
        style = "red" if line.stream == "stderr" else ""
        # User text is never parsed as markup: a '[red]' in a log line stays literal.
        text = Text.assemble((render.timestamp(line.time), "dim"), " ", (line.message, style))
        render.console.print(text, highlight=False)

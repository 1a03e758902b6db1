"""`headwater models ...`: models, their versions, promotions and stage history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from headwater.cli import render

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.table import Table

    from headwater.store.model_registry import StageTransition

app = typer.Typer(help="Models, their versions and stages.", no_args_is_help=True)

OutputOption = Annotated[str, typer.Option("--output", "-o", help="table or json")]
STAGE_STYLES = {"production": "green", "staging": "yellow", "archived": "grey50", "none": "dim"}
OUTCOME_STYLES = {"applied": "blue", "refused": "red", "skipped": "grey50"}


@app.command("list")
def list_models(
    size: Annotated[int, typer.Option(help="How many models to show.")] = 100,
    output: OutputOption = "table",
) -> None:
    """List models, newest first."""
    from rich.table import Table

    from headwater.client import Client

    page = Client().list_models(size=size)
    if output == "json":
        render.print_json([m.model.model_dump(mode="json") for m in page.items])
        return
    from rich.markup import escape

    table = Table("model", "versions", "tags", "rules", "created", title=f"{page.total} model(s)")
    for model in page.items:
        table.add_row(
            escape(model.name),
            str(model.model.version_count),
            escape(", ".join(model.tags) or "-"),
            "; ".join(rule.describe() for rule in model.promotion_rules) or "-",
            render.timestamp(model.created),
        )
    render.console.print(table)


@app.command("versions")
def list_versions(
    model: Annotated[str, typer.Argument(help="Model name or id.")],
    stage: Annotated[str | None, typer.Option(help="Only versions in this stage.")] = None,
    size: Annotated[int, typer.Option(help="How many versions to show.")] = 50,
    output: OutputOption = "table",
) -> None:
    """List a model's versions, newest first."""
    from rich.markup import escape
    from rich.table import Table

    from headwater.client import Client

    client = Client()
    client.get_model(model)  # an unknown model is an error, not an empty table
    page = client.list_model_versions(model, stage=stage, sort_by="desc:number", size=size)
    if output == "json":
        render.print_json([v.model.model_dump(mode="json") for v in page.items])
        return
    table = Table("version", "name", "stage", "metadata", "created", title=escape(model))
    for version in page.items:
        table.add_row(
            str(version.number),
            escape(version.name),
            _stage(version.stage),
            escape(", ".join(f"{k}={v}" for k, v in version.metadata.items()) or "-"),
            render.timestamp(version.created),
        )
    render.console.print(table)


@app.command("promote")
def promote(
    model: Annotated[str, typer.Argument(help="Model name or id.")],
    version: Annotated[str, typer.Argument(help="Version number, name, stage or 'latest'.")],
    stage: Annotated[str, typer.Argument(help="none, staging, production or archived.")],
    force: Annotated[
        bool, typer.Option("--force", help="Move the current holder of the stage to archived.")
    ] = False,
    reason: Annotated[str | None, typer.Option(help="Why, kept in the history.")] = None,
    output: OutputOption = "table",
) -> None:
    """Move a model version to a stage (recorded, with who, when and why)."""
    from rich.markup import escape

    from headwater.client import Client

    promoted = Client().update_model_version(
        model, version, stage=_parse_stage(stage), force=force, reason=reason
    )
    if output == "json":
        render.print_json(promoted.model.model_dump(mode="json"))
        return
    name = escape(promoted.model_name)
    render.console.print(
        f"Model '{name}' version {promoted.number} is now {_stage(promoted.stage)}."
    )


@app.command("history")
def history(
    model: Annotated[str, typer.Argument(help="Model name or id.")],
    version: Annotated[
        str | None, typer.Argument(help="Only this version (number, name or stage).")
    ] = None,
    size: Annotated[int, typer.Option(help="How many transitions to show.")] = 100,
    output: OutputOption = "table",
) -> None:
    """Show every stage change, refused attempt and rule decision, newest first."""
    from headwater.client import Client

    client = Client()
    client.get_model(model)
    page = client.list_stage_transitions(model, version, size=size)
    if output == "json":
        render.print_json([t.model_dump(mode="json") for t in page.items])
        return
    render.console.print(_history_table(model, page.items))


def _history_table(model: str, transitions: Sequence[StageTransition]) -> Table:
    from rich.markup import escape
    from rich.table import Table

    table = Table("when", "version", "from", "to", "outcome", "by", "reason", title=escape(model))
    for transition in transitions:
        style = OUTCOME_STYLES[transition.outcome]
        table.add_row(
            render.timestamp(transition.created),
            str(transition.version_number),
            _stage(transition.from_stage),
            _stage(transition.to_stage),
            f"[{style}]{transition.outcome}[/]",
            escape(f"{transition.trigger}: {transition.user_name or '-'}"),
            escape(transition.reason or "-"),  # user text is never read as markup
        )
    return table


def _stage(stage: str) -> str:
    return f"[{STAGE_STYLES.get(stage, 'default')}]{stage}[/]"


def _parse_stage(stage: str) -> str:
    from headwater.errors import HeadwaterError
    from headwater.store.model_registry import ModelStage

    if stage.lower() not in {s.value for s in ModelStage}:
        raise HeadwaterError(
            f"'{stage}' is not a stage. Use one of: {', '.join(s.value for s in ModelStage)}."
        )
    return stage.lower()

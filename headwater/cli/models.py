"""`headwater models list|versions|promote|stage-at|history|delete-version`: models and
versions (approvals and policies: `model_approvals.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from headwater.cli import render
from headwater.cli.model_approvals import approvals_app, policy_app, print_pending
from headwater.cli.options import (
    OutputFormat,
    OutputOption,
    PageOption,
    SizeOption,
    YesOption,
    confirm,
    parse_moment,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.table import Table
    from rich.text import Text

    from headwater.store.model_registry import PromotionRule, StageTransition

app = typer.Typer(help="Models, their versions and stages.", no_args_is_help=True)
app.add_typer(approvals_app, name="approvals")
app.add_typer(policy_app, name="policy")

STAGE_STYLES = {"production": "green", "staging": "yellow", "archived": "grey50", "none": "dim"}
OUTCOME_STYLES = {
    "applied": "blue",
    "refused": "red",
    "skipped": "grey50",
    "requested": "yellow",
    "approved": "green",
    "rejected": "red",
}
ModelArgument = Annotated[str, typer.Argument(help="Model name or id.")]


@app.command("list")
def list_models(
    name: Annotated[str | None, typer.Option(help="e.g. iris, or contains:ir")] = None,
    page: PageOption = 1,
    size: SizeOption = 50,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List models, newest first."""
    from rich.table import Table

    from headwater.client import Client

    found = Client().list_models(name=name, page=page, size=size)
    if output is OutputFormat.JSON:
        render.print_page_json(found, [m.model.model_dump(mode="json") for m in found.items])
        return
    table = Table("model", "versions", "tags", "rules", "created")
    table.title = render.page_title(found, "model")
    for model in found.items:
        table.add_row(
            render.literal(model.name),
            str(model.model.version_count),
            render.literal(", ".join(model.tags) or "-"),
            render.literal("; ".join(rule.describe() for rule in model.promotion_rules) or "-"),
            render.timestamp(model.created),
        )
    render.console.print(table)


@app.command("versions")
def list_versions(
    model: ModelArgument,
    stage: Annotated[str | None, typer.Option(help="Only versions in this stage.")] = None,
    page: PageOption = 1,
    size: SizeOption = 50,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """List a model's versions, newest first."""
    from rich.table import Table

    from headwater.client import Client

    client = Client()
    client.get_model(model)  # an unknown model is an error, not an empty table
    found = client.list_model_versions(
        model, stage=stage, sort_by="desc:number", page=page, size=size
    )
    if output is OutputFormat.JSON:
        render.print_page_json(found, [v.model.model_dump(mode="json") for v in found.items])
        return
    table = Table("version", "name", "stage", "metadata", "created")
    table.title = f"{model}: {render.page_title(found, 'version')}"
    for version in found.items:
        table.add_row(
            str(version.number),
            render.literal(version.name),
            _stage(version.stage),
            render.literal(", ".join(f"{k}={v}" for k, v in version.metadata.items()) or "-"),
            render.timestamp(version.created),
        )
    render.console.print(table)


@app.command("promote")
def promote(
    model: ModelArgument,
    version: Annotated[str, typer.Argument(help="Version number, name, stage or 'latest'.")],
    stage: Annotated[str, typer.Argument(help="none, staging, production or archived.")],
    force: Annotated[
        bool, typer.Option("--force", help="Move the current holder of the stage to archived.")
    ] = False,
    reason: Annotated[str | None, typer.Option(help="Why, kept in the history.")] = None,
    user: Annotated[
        str, typer.Option("--user", help="Ask as this user (embedded store only).")
    ] = "default",
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Move a model version to a stage (recorded with who, when and why); under an approval
    policy, ask for it instead."""
    from headwater.client import Client

    outcome = Client().request_stage_change(
        model, version, _parse_stage(stage), force=force, reason=reason, user_name=user
    )
    if outcome.request is not None:
        # A pending request answers with the request, an applied change with the version.
        if output is OutputFormat.JSON:
            render.print_json(outcome.request.model_dump(mode="json"))
        else:
            print_pending(outcome.request)
        return
    if output is OutputFormat.JSON:
        render.print_json(outcome.version.model_dump(mode="json"))
        return
    promoted = outcome.version
    render.console.print(
        render.literal(f"Model '{promoted.model_name}' version {promoted.number} is now "),
        _stage(promoted.stage),
    )


@app.command("stage-at")
def stage_at(
    model: ModelArgument,
    stage: Annotated[str, typer.Argument(help="staging or production.")],
    at: Annotated[
        str, typer.Option("--at", help="e.g. 2026-11-20T14:00 (local time), or 2h, 3d ago.")
    ],
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Show which version held a stage at a past moment, from the stage history."""
    from headwater.client import Client

    moment = parse_moment("--at", at)
    holder = Client().get_stage_holder(model, _parse_stage(stage), moment)
    if output is OutputFormat.JSON:
        render.print_json(holder.model_dump(mode="json"))
        return
    render.console.print(
        render.literal(
            f"Model '{holder.model_name}' version {holder.version.number} was in "
            f"'{holder.stage}' at {render.timestamp(holder.at)} (since "
            f"{render.timestamp(holder.since)})."
        )
    )


@app.command("rules-dry-run")
def rules_dry_run(
    model: ModelArgument,
    rule: Annotated[
        list[str] | None,
        typer.Option(
            help="A rule to try instead of the model's, e.g. 'accuracy >= 0.8 -> staging'."
        ),
    ] = None,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Show what promotion rules would decide for each version, and why; changes nothing."""
    from rich.table import Table

    from headwater.client import Client

    rules = None if not rule else [parse_rule(text) for text in rule]
    dry_run = Client().dry_run_promotion_rules(model, rules)
    if output is OutputFormat.JSON:
        render.print_json(dry_run.model_dump(mode="json"))
        return
    table = Table("version", "stage", "would move to", "why")
    table.title = f"{dry_run.model_name}: " + (
        "; ".join(r.describe() for r in dry_run.rules) or "no promotion rules"
    )
    for version in dry_run.versions:
        table.add_row(
            str(version.version_number),
            _stage(version.stage),
            _stage(version.would_move_to) if version.would_move_to else render.literal("-"),
            render.literal("; ".join(v.reason for v in version.verdicts) or "-"),
        )
    render.console.print(table)


@app.command("delete-version")
def delete_version(
    model: ModelArgument,
    version: Annotated[str, typer.Argument(help="Version number, name, stage or 'latest'.")],
    reason: Annotated[str | None, typer.Option(help="Why, when it needs approval.")] = None,
    user: Annotated[
        str, typer.Option("--user", help="Ask as this user (embedded store only).")
    ] = "default",
    yes: YesOption = False,
) -> None:
    """Delete one model version (archive it first if it is in production); in a stage an
    approval policy protects, ask for it instead."""
    from headwater.client import Client

    client = Client()
    found = client.get_model_version(model, version)
    described = f"model '{found.model_name}' version {found.number}"
    protected = {p.stage for p in client.get_model(found.model_id).model.approval_policies}
    if found.stage in protected:
        request = client.request_model_version_deletion(
            found.model_id, found.id, reason=reason, user_name=user
        )
        print_pending(request)
        return
    confirm(f"Delete {described}? Its runs and artifacts stay.", yes=yes)
    client.delete_model_version(found.model_id, found.id)
    render.console.print(render.literal(f"Deleted {described}."))


@app.command("history")
def history(
    model: ModelArgument,
    version: Annotated[
        str | None, typer.Argument(help="Only this version (number, name or stage).")
    ] = None,
    page: PageOption = 1,
    size: SizeOption = 100,
    output: OutputOption = OutputFormat.TABLE,
) -> None:
    """Show every stage change, refused attempt and rule decision, newest first."""
    from headwater.client import Client

    client = Client()
    client.get_model(model)
    found = client.list_stage_transitions(model, version, page=page, size=size)
    if output is OutputFormat.JSON:
        render.print_page_json(found, [t.model_dump(mode="json") for t in found.items])
        return
    table = _history_table(found.items)
    table.title = f"{model}: {render.page_title(found, 'stage transition')}"
    render.console.print(table)


def _history_table(transitions: Sequence[StageTransition]) -> Table:
    from rich.table import Table

    table = Table("when", "version", "from", "to", "outcome", "by", "reason")
    for transition in transitions:
        table.add_row(
            render.timestamp(transition.created),
            str(transition.version_number),
            _stage(transition.from_stage),
            _stage(transition.to_stage),
            render.literal(transition.outcome, OUTCOME_STYLES[transition.outcome]),
            render.literal(f"{transition.trigger}: {transition.user_name or '-'}"),
            render.literal(transition.reason or "-"),
        )
    return table


def _stage(stage: str) -> Text:
    return render.literal(stage, STAGE_STYLES.get(stage, "default"))


def _parse_stage(stage: str) -> str:
    from headwater.errors import HeadwaterError
    from headwater.store.model_registry import ModelStage

    if stage.lower() not in {s.value for s in ModelStage}:
        raise HeadwaterError(
            f"'{stage}' is not a stage. Use one of: {', '.join(s.value for s in ModelStage)}."
        )
    return stage.lower()


def parse_rule(text: str) -> PromotionRule:
    """`accuracy >= 0.8 -> staging`, as rules describe themselves."""
    import re

    from pydantic import ValidationError

    from headwater.errors import HeadwaterError
    from headwater.store.model_registry import PromotionRule

    found = re.fullmatch(r"\s*(\S+?)\s*(>=|<=|==|>|<)\s*(\S+)\s*->\s*(\w+)\s*", text)
    problem = "it is not 'KEY OPERATOR THRESHOLD -> STAGE'"
    if found is not None:
        key, operator, threshold, stage = found.groups()
        try:
            return PromotionRule.model_validate(
                {
                    "stage": stage.lower(),
                    "metadata_key": key,
                    "operator": operator,
                    "threshold": threshold,
                }
            )
        except ValidationError as exc:
            problem = "; ".join(str(e["msg"]) for e in exc.errors())
    raise HeadwaterError(
        f"Rule '{text}' cannot be read: {problem}. Write it like 'accuracy >= 0.8 -> staging' "
        f"(operators >, >=, <, <=, ==; stages staging or production)."
    )

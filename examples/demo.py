"""The demo behind `make demo`: runs that show what Headwater records.

1. a first run, 2. a partly cached rerun, 3. a run with caching off, 4. a failing run,
5. a sweep of eight trainings to compare side by side, 6. the model 'iris' over three
more runs, with its stage history and a request waiting for approval, 7. a second
stack, so the stack pages show more than the default one, and two service connectors
(one for an S3 endpoint that is not there, so it never verifies), 8. a digits classifier
evaluated with scikit-learn, 9. when the Evidently, Great Expectations and whylogs
integrations are installed, a data quality run.
"""

from __future__ import annotations

import contextlib

from digits_evaluation import digits_evaluation  # this script's folder is on sys.path
from iris_model import ask_for_production_approval, iris_training
from rich.console import Console
from rich.table import Table
from sweep import run_sweep
from training import training, validation

from headwater import Client
from headwater.comparison import RowGroup
from headwater.config import load_settings
from headwater.errors import EntityExistsError, StageConflictError
from headwater.integrations.registry import get_integration

STATUS_COLOURS = {
    "completed": "blue",
    "cached": "green",
    "running": "yellow",
    "failed": "red",
    "stopped": "grey50",
    "initializing": "grey50",
}


def main() -> None:
    console = Console()
    console.rule("[bold]Headwater demo")
    training()
    training()
    training.with_options(enable_cache=False)(gamma=0.3)
    try:
        validation()
    except ValueError as exc:
        console.print(f"[red]The validation pipeline failed as intended:[/] {exc}")
    show_runs(console)
    show_why(console)
    show_sweep(console)
    record_model_history(console)
    add_team_stack(console)
    add_connectors(console)
    evaluate_digits(console)
    check_data_quality(console)


def show_runs(console: Console) -> None:
    table = Table(title="The demo's runs, newest first")
    for column in ("run", "status", "steps"):
        table.add_column(column)
    for run in Client().list_pipeline_runs(size=4).items:
        steps = "  ".join(
            f"[{STATUS_COLOURS[s.status]}]{name}: {s.status}[/]" for name, s in run.steps.items()
        )
        table.add_row(run.name, f"[{STATUS_COLOURS[run.status]}]{run.status}[/]", steps)
    console.print(table)


def show_why(console: Console) -> None:
    client = Client()
    latest = client.get_pipeline("training").last_run
    console.print(f"Why did 'load' rerun in {latest.name}?")
    console.print(str(client.explain_cache(latest.steps["load"])))
    console.print(f"Score of {latest.name}: {latest.steps['train'].outputs['score'].load():.3f}")


def show_sweep(console: Console) -> None:
    console.rule("A sweep of eight trainings")
    names = run_sweep()
    best = Client().compare_runs(names).row("fit.accuracy", RowGroup.STEP_METADATA)
    top = max(range(len(names)), key=lambda i: best.values[i])
    console.print(f"Best accuracy {best.values[top]:.3f} in {names[top]}. Compare them all with")
    console.print(f"  headwater runs compare {' '.join(names[:3])} --diff-only")
    console.print("or select them in the dashboard's run list and press Compare.")


def record_model_history(console: Console) -> None:
    """'iris' v1..v3: v1 released by hand, v2 moved to staging by the accuracy rule, then
    forced into production with a reason (v1 archived), and a refused try of v3."""
    client = Client()
    iris_training(quality=0.86)
    client.update_model_version("iris", 1, stage="production", reason="first release")
    iris_training(quality=0.93)
    iris_training(quality=0.88)
    client.update_model_version(
        "iris", 2, stage="production", force=True, reason="v2 beats v1 on the holdout set"
    )
    try:
        client.update_model_version("iris", 3, stage="production", reason="try the newest")
    except StageConflictError as exc:
        console.print(f"[yellow]Refused as intended:[/] {exc}")
    ask_for_production_approval()
    console.print("Model 'iris': open /models/iris for its stage timeline and the request")
    console.print("that waits for a second approval (/approvals).")


def add_team_stack(console: Console) -> None:
    """A second artifact store, a webhook alerter that reaches nothing, and a stack of them.

    The alerter points at a closed port on purpose: a run on this stack shows that a
    failing webhook is logged and never fails the run.
    """
    client = Client()
    folder = load_settings().home / "team-artifacts"
    registrations = [
        lambda: client.create_stack_component(
            "team-disk", "fsspec", "artifact_store", {"path": str(folder)}
        ),
        lambda: client.create_stack_component(
            "on-call",
            "webhook",
            "alerter",
            {
                "url": "http://127.0.0.1:9/headwater-demo",
                "events": ["failed", "completed"],
                "timeout_seconds": 1.5,
                "delivery": {"retries": 0, "backoff_seconds": 0.5},
                "secret": "demo-secret",
            },
        ),
        lambda: client.create_stack(
            "team",
            components={
                "orchestrator": "default",
                "artifact_store": "team-disk",
                "alerter": "on-call",
            },
        ),
    ]
    for register in registrations:
        with contextlib.suppress(EntityExistsError):  # the demo ran before on this home
            register()
    console.print("Stack 'team' is registered: see it with `headwater up`, under Stacks.")


def add_connectors(console: Console) -> None:
    """An aws connector to an S3 endpoint nothing listens on, an artifact store that names
    it, and a generic one: the connector pages have content, and Verify says what fails.

    Nothing here reaches the network: registering checks settings only, and no stack
    uses the S3 store, so the demo stays fast and offline.
    """
    client = Client()
    registrations = [
        lambda: client.register_service_connector(
            "demo-s3",
            "aws",
            {
                "aws_access_key_id": "demo-key-id",
                "aws_secret_access_key": "demo-secret-key",
                "endpoint_url": "http://127.0.0.1:9",
                "region": "us-east-1",
            },
        ),
        lambda: client.create_stack_component(
            "demo-bucket",
            "fsspec",
            "artifact_store",
            {"path": "s3://demo-bucket/artifacts", "connector": "demo-s3"},
        ),
        lambda: client.register_service_connector(
            "shared-sftp", "generic", {"values": {"username": "demo", "password": "demo"}}
        ),
    ]
    for register in registrations:
        with contextlib.suppress(EntityExistsError):  # the demo ran before on this home
            register()
    console.print(
        "Connectors 'demo-s3' and 'shared-sftp' are registered: see them under Connectors "
        "('demo-s3' points at nothing, so Verify says why it fails)."
    )


def evaluate_digits(console: Console) -> None:
    """A digits classifier and its evaluation report: confusion matrix, classification
    report, ROC and precision-recall curves, in the dashboard."""
    console.rule("A digits classifier, evaluated")
    run = digits_evaluation()
    report = run.steps["evaluate_classifier"].outputs["output"]
    console.print(f"Accuracy {report.metadata['accuracy']:.3f}: open the report in {run.name}.")


def check_data_quality(console: Console) -> None:
    """A drift report, a validation and two profiles compared (needs the three extras)."""
    console.rule("Data quality: drift, validation, profiles")
    missing = [
        integration.install_command
        for integration in map(get_integration, ("evidently", "great-expectations", "whylogs"))
        if not integration.is_installed()
    ]
    if missing:
        console.print(f"Skipped: install the integrations first ({'; '.join(missing)}).")
        return
    from data_quality import data_quality

    run = data_quality()
    drift = run.steps["data_drift_report"].outputs["output"].metadata
    checks = run.steps["validate_dataframe"].outputs["output"].metadata
    console.print(
        f"Drifted columns: {', '.join(drift['drifted_column_names']) or 'none'}; "
        f"{checks['successful_expectations']} of {checks['evaluated_expectations']} "
        f"expectations passed. Open {run.name} in the dashboard."
    )


if __name__ == "__main__":
    main()

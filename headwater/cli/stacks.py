"""`headwater stack ...`: compose stacks from components and choose the active one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from headwater.cli import render
from headwater.cli.stack_views import check_output, show_settings

if TYPE_CHECKING:
    from headwater.store.stack_models import Stack

app = typer.Typer(help="Stacks: the components runs execute on.", no_args_is_help=True)

OutputOption = Annotated[str, typer.Option("--output", "-o", help="table or json")]
StackArgument = Annotated[str, typer.Argument(help="Stack name or id.")]


def _component_option(*names: str, kind: str) -> Any:
    return typer.Option(*names, help=f"Name or id of the {kind}.")


Orchestrator = Annotated[str | None, _component_option("--orchestrator", "-o", kind="orchestrator")]
ArtifactStore = Annotated[
    str | None, _component_option("--artifact-store", "-a", kind="artifact store")
]
ContainerRegistry = Annotated[
    str | None, _component_option("--container-registry", "-c", kind="container registry")
]
StepOperator = Annotated[
    str | None, _component_option("--step-operator", "-s", kind="step operator")
]
ExperimentTracker = Annotated[
    str | None, _component_option("--experiment-tracker", "-e", kind="experiment tracker")
]
ModelDeployer = Annotated[
    str | None, _component_option("--model-deployer", "-d", kind="model deployer")
]
Alerter = Annotated[str | None, _component_option("--alerter", "-al", kind="alerter")]


@app.command("list")
def list_stacks(output: OutputOption = "table") -> None:
    """List stacks; the active one is marked with *."""
    from rich.table import Table

    from headwater.client import Client

    check_output(output)
    client = Client()
    stacks = client.list_stacks(sort_by="asc:name", size=10_000).items
    active = client.active_stack.id
    if output == "json":
        render.print_json([_as_json(s, is_active=s.id == active) for s in stacks])
        return
    table = Table("active", "stack", "orchestrator", "artifact store", "other components")
    for stack in stacks:
        names = {t.value: c.name for t, c in stack.components.items()}
        others = [f"{t}: {n}" for t, n in names.items() if t not in _REQUIRED]
        table.add_row(
            "*" if stack.id == active else "",
            stack.name,
            names.get("orchestrator", "-"),
            names.get("artifact_store", "-"),
            ", ".join(others) or "-",
        )
    render.console.print(table)


@app.command("register")
def register_stack(
    name: Annotated[str, typer.Argument(help="The new stack's name.")],
    orchestrator: Orchestrator = None,
    artifact_store: ArtifactStore = None,
    container_registry: ContainerRegistry = None,
    step_operator: StepOperator = None,
    experiment_tracker: ExperimentTracker = None,
    model_deployer: ModelDeployer = None,
    alerter: Alerter = None,
    activate: Annotated[bool, typer.Option("--set", help="Make it the active stack.")] = False,
) -> None:
    """Compose a stack: `headwater stack register NAME -o ORCHESTRATOR -a ARTIFACT_STORE`."""
    from headwater.client import Client

    chosen = {
        "orchestrator": orchestrator,
        "artifact_store": artifact_store,
        "container_registry": container_registry,
        "step_operator": step_operator,
        "experiment_tracker": experiment_tracker,
        "model_deployer": model_deployer,
        "alerter": alerter,
    }
    client = Client()
    stack = client.create_stack(name, {t: ref for t, ref in chosen.items() if ref is not None})
    render.console.print(f"Registered stack '{stack.name}'.")
    if activate:
        client.activate_stack(stack.id)
        render.console.print(f"Active stack: '{stack.name}'.")


@app.command("update")
def update_stack(
    stack: StackArgument,
    orchestrator: Orchestrator = None,
    artifact_store: ArtifactStore = None,
    container_registry: ContainerRegistry = None,
    step_operator: StepOperator = None,
    experiment_tracker: ExperimentTracker = None,
    model_deployer: ModelDeployer = None,
    alerter: Alerter = None,
    remove: Annotated[
        list[str] | None,
        typer.Option("--remove", "-r", help="A component type to take out (repeatable)."),
    ] = None,
) -> None:
    """Swap, add (`-c NAME`, ...) or remove (`--remove alerter`) a stack's components."""
    from headwater.client import Client

    chosen: dict[str, str | None] = {
        "orchestrator": orchestrator,
        "artifact_store": artifact_store,
        "container_registry": container_registry,
        "step_operator": step_operator,
        "experiment_tracker": experiment_tracker,
        "model_deployer": model_deployer,
        "alerter": alerter,
    }
    updates: dict[str, str | None] = {t: ref for t, ref in chosen.items() if ref is not None}
    updates.update(dict.fromkeys(remove or []))
    updated = Client().update_stack(stack, component_updates=updates)
    render.console.print(f"Updated stack '{updated.name}'.")


@app.command("rename")
def rename_stack(
    stack: StackArgument,
    new_name: Annotated[str, typer.Argument(help="The stack's new name.")],
) -> None:
    """Rename a stack."""
    from headwater.client import Client

    updated = Client().update_stack(stack, name=new_name)
    render.console.print(f"Renamed stack '{stack}' to '{updated.name}'.")


@app.command("describe")
def describe_stack(
    stack: Annotated[str | None, typer.Argument(help="Stack name or id (default: active).")] = None,
    output: OutputOption = "table",
) -> None:
    """Show a stack's components and their settings (secrets masked)."""
    from rich.table import Table

    from headwater.client import Client

    check_output(output)
    client = Client()
    found = client.get_stack(stack)
    is_active = found.id == client.active_stack.id
    if output == "json":
        render.print_json(_as_json(found, is_active=is_active))
        return
    title = f"Stack '{found.name}'" + (" (active)" if is_active else "")
    table = Table("type", "component", "flavor", "settings", title=title)
    for component_type, component in found.components.items():
        table.add_row(
            component_type.value,
            component.name,
            component.flavor,
            show_settings(component.settings),
        )
    render.console.print(table)


@app.command("set")
def set_stack(stack: StackArgument) -> None:
    """Make a stack the active one: the one runs on this machine use."""
    from headwater.client import Client

    activated = Client().activate_stack(stack)
    render.console.print(f"Active stack: '{activated.name}'.")


@app.command("delete")
def delete_stack(stack: StackArgument) -> None:
    """Delete a stack; its components stay and its runs keep their record of it."""
    from headwater.client import Client

    Client().delete_stack(stack)
    render.console.print(f"Deleted stack '{stack}'.")


_REQUIRED = ("orchestrator", "artifact_store")


def _as_json(stack: Stack, *, is_active: bool) -> dict[str, Any]:
    return {**stack.model_dump(mode="json"), "is_active": is_active}

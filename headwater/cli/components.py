"""`headwater component ...`: register, change and delete stack components; list flavors."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated, Any

import typer

from headwater.cli import render
from headwater.cli.stack_views import check_output, show_settings
from headwater.errors import StackValidationError

if TYPE_CHECKING:
    from headwater.client import Client
    from headwater.stacks.flavors import FlavorDescription
    from headwater.store.stack_models import StackComponent

app = typer.Typer(help="Stack components and their flavors.", no_args_is_help=True)

OutputOption = Annotated[str, typer.Option("--output", "-o", help="table or json")]
ComponentArgument = Annotated[str, typer.Argument(help="Component name or id.")]
TypeOption = Annotated[
    str | None,
    typer.Option("--type", "-t", help="orchestrator, artifact_store, alerter, ..."),
]
SettingOption = Annotated[
    list[str] | None,
    typer.Option(
        "--setting",
        "-s",
        help="KEY=VALUE (repeatable); a VALUE starting with { or [ is read as JSON.",
    ),
]


@app.command("list")
def list_components(
    component_type: TypeOption = None,
    flavor: Annotated[str | None, typer.Option("--flavor", "-f", help="Only this flavor.")] = None,
    output: OutputOption = "table",
) -> None:
    """List stack components (secret settings masked)."""
    from rich.table import Table

    from headwater.client import Client

    check_output(output)
    page = Client().list_stack_components(
        type=_type_name(component_type), flavor=flavor, sort_by="asc:type", size=10_000
    )
    if output == "json":
        render.print_json([c.model_dump(mode="json") for c in page.items])
        return
    table = Table("type", "component", "flavor", "settings", title=f"{page.total} component(s)")
    for component in page.items:
        table.add_row(
            component.type.value,
            component.name,
            component.flavor,
            show_settings(component.settings),
        )
    render.console.print(table)


@app.command("describe")
def describe_component(
    component: ComponentArgument,
    component_type: TypeOption = None,
    output: OutputOption = "table",
) -> None:
    """Show one component and the stacks that use it."""
    from headwater.client import Client

    check_output(output)
    client = Client()
    found = _find(client, component, component_type)
    stacks = [
        s.name
        for s in client.list_stacks(component_id=str(found.id), sort_by="asc:name", size=10_000)
    ]
    if output == "json":
        render.print_json({**found.model_dump(mode="json"), "stacks": stacks})
        return
    render.console.print(
        f"{found.type.value} '{found.name}' (flavor '{found.flavor}')\n"
        f"  settings: {show_settings(found.settings)}\n"
        f"  used by stacks: {', '.join(stacks) or '-'}"
    )


@app.command("register")
def register_component(
    name: Annotated[str, typer.Argument(help="The new component's name.")],
    component_type: Annotated[
        str, typer.Option("--type", "-t", help="orchestrator, artifact_store, alerter, ...")
    ],
    flavor: Annotated[str, typer.Option("--flavor", "-f", help="e.g. local, fsspec.")],
    setting: SettingOption = None,
) -> None:
    """Register a component: `--type artifact_store --flavor fsspec --setting path=/x`."""
    from headwater.client import Client

    created = Client().create_stack_component(
        name, flavor, component_type, configuration=parse_settings(setting or [])
    )
    render.console.print(f"Registered {created.type.value} '{created.name}'.")


@app.command("update")
def update_component(
    component: ComponentArgument,
    component_type: TypeOption = None,
    setting: SettingOption = None,
    remove_setting: Annotated[
        list[str] | None,
        typer.Option("--remove-setting", help="A setting to remove (repeatable)."),
    ] = None,
    rename: Annotated[str | None, typer.Option("--rename", help="A new name.")] = None,
) -> None:
    """Change some settings of a component (the others stay), or rename it."""
    from headwater.client import Client

    client = Client()
    found = _find(client, component, component_type)
    changes: dict[str, Any] = parse_settings(setting or [])
    changes.update(dict.fromkeys(remove_setting or []))
    updated = client.update_stack_component(
        found.id, found.type, name=rename, configuration=changes
    )
    render.console.print(f"Updated {updated.type.value} '{updated.name}'.")


@app.command("delete")
def delete_component(component: ComponentArgument, component_type: TypeOption = None) -> None:
    """Delete a component that no stack uses."""
    from headwater.client import Client

    client = Client()
    found = _find(client, component, component_type)
    client.delete_stack_component(found.id, found.type)
    render.console.print(f"Deleted {found.type.value} '{found.name}'.")


@app.command("flavors")
def list_flavors(component_type: TypeOption = None, output: OutputOption = "table") -> None:
    """List the flavors components can have, with their settings."""
    from rich.table import Table

    from headwater.client import Client

    check_output(output)
    page = Client().list_flavors(type=component_type, size=10_000)
    if output == "json":
        render.print_json([f.model_dump(mode="json") for f in page.items])
        return
    table = Table("type", "flavor", "settings", "description")
    for flavor in page.items:
        table.add_row(
            flavor.type.value, flavor.name, _describe_settings(flavor), flavor.description
        )
    render.console.print(table)


def parse_settings(pairs: list[str]) -> dict[str, Any]:
    """`KEY=VALUE` pairs as a dict; values stay text unless they look like JSON objects
    or lists (the flavor's schema converts text such as '3' or 'true').

    Raises:
        StackValidationError: listing every pair without '=' or with unreadable JSON.
    """
    found: dict[str, Any] = {}
    problems: list[str] = []
    for pair in pairs:
        key, separator, value = pair.partition("=")
        if not separator or not key.strip():
            problems.append(f"'{pair}' is not KEY=VALUE")
            continue
        if value.lstrip().startswith(("{", "[")):
            try:
                found[key.strip()] = json.loads(value)
            except json.JSONDecodeError as exc:
                problems.append(f"the value of '{key}' is not valid JSON ({exc.msg})")
            continue
        found[key.strip()] = value
    if problems:
        raise StackValidationError(
            f"Cannot read the settings: {'; '.join(problems)}. Write each as "
            f"--setting KEY=VALUE, for example --setting path=/data/artifacts."
        )
    return found


def _find(client: Client, component: str, component_type: str | None) -> StackComponent:
    """A component by name or id; the type is needed only when names repeat across types."""
    if component_type is not None:
        return client.get_stack_component(component_type, component)
    from headwater.session import get_session
    from headwater.stacks.default_stack import ensure_default_stack

    store = get_session().store
    ensure_default_stack(store)
    return store.get_stack_component(component)


def _type_name(component_type: str | None) -> str | None:
    if component_type is None:
        return None
    from headwater.stacks.service import parse_component_type

    return parse_component_type(component_type).value


def _describe_settings(flavor: FlavorDescription) -> str:
    properties = flavor.settings_schema.get("properties", {})
    required = set(flavor.settings_schema.get("required", []))
    parts = []
    for name, schema in properties.items():
        kind = schema.get("type") or "|".join(
            str(option.get("type")) for option in schema.get("anyOf", [])
        )
        marks = [
            m
            for m, on in (("required", name in required), ("secret", name in flavor.secret_fields))
            if on
        ]
        parts.append(f"{name}: {kind}" + (f" ({', '.join(marks)})" if marks else ""))
    return "\n".join(parts) or "-"

"""`headwater connector ...`: register, show, verify and delete service connectors."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from headwater.cli import render
from headwater.cli.components import parse_settings
from headwater.cli.stack_views import check_output, show_settings

if TYPE_CHECKING:
    from headwater.client import Client
    from headwater.store.connector_models import ServiceConnector, Verification

app = typer.Typer(
    help="Service connectors: named credentials components use.", no_args_is_help=True
)

OutputOption = Annotated[str, typer.Option("--output", "-o", help="table or json")]
ConnectorArgument = Annotated[str, typer.Argument(help="Connector name or id.")]
SettingOption = Annotated[
    list[str] | None,
    typer.Option(
        "--setting",
        "-s",
        help="KEY=VALUE (repeatable); a VALUE starting with { or [ is read as JSON.",
    ),
]


@app.command("register")
def register_connector(
    name: Annotated[str, typer.Argument(help="The new connector's name.")],
    connector_type: Annotated[
        str, typer.Option("--type", "-t", help="aws, gcp, azure or generic.")
    ],
    setting: SettingOption = None,
    output: OutputOption = "table",
) -> None:
    """Register a connector: `--type aws -s aws_access_key_id=... -s region=eu-west-1`."""
    from headwater.client import Client

    check_output(output)
    created = Client().register_service_connector(
        name, connector_type, configuration=parse_settings(setting or [])
    )
    if output == "json":
        render.print_json(created.model_dump(mode="json"))
        return
    render.console.print(f"Registered {created.type.value} service connector '{created.name}'.")


@app.command("list")
def list_connectors(
    connector_type: Annotated[
        str | None, typer.Option("--type", "-t", help="Only this type.")
    ] = None,
    output: OutputOption = "table",
) -> None:
    """List service connectors (secrets shown only as set or not set)."""
    from rich.table import Table

    from headwater.client import Client

    check_output(output)
    page = Client().list_service_connectors(type=connector_type, size=10_000)
    if output == "json":
        render.print_json([c.model_dump(mode="json") for c in page.items])
        return
    table = Table("connector", "type", "settings", "secrets", title=f"{page.total} connector(s)")
    for connector in page.items:
        table.add_row(
            connector.name,
            connector.type.value,
            show_settings(connector.settings),
            _show_secrets(connector),
        )
    render.console.print(table)


@app.command("describe")
def describe_connector(connector: ConnectorArgument, output: OutputOption = "table") -> None:
    """Show one connector and the components that use it."""
    from headwater.client import Client

    check_output(output)
    client = Client()
    found = client.get_service_connector(connector)
    users = _components_using(client, found)
    if output == "json":
        render.print_json({**found.model_dump(mode="json"), "components": users})
        return
    render.console.print(
        f"{found.type.value} service connector '{found.name}'\n"
        f"  settings: {show_settings(found.settings)}\n"
        f"  secrets: {_show_secrets(found)}\n"
        f"  created: {found.created:%Y-%m-%d %H:%M} by {found.created_by}; updated: "
        f"{found.updated:%Y-%m-%d %H:%M} by {found.updated_by}\n"
        f"  used by: {', '.join(users) or '-'}"
    )


@app.command("update")
def update_connector(
    connector: ConnectorArgument,
    setting: SettingOption = None,
    remove_setting: Annotated[
        list[str] | None,
        typer.Option("--remove-setting", help="A setting to remove (repeatable)."),
    ] = None,
) -> None:
    """Change some settings of a connector (the others stay)."""
    from headwater.client import Client

    changes: dict[str, Any] = parse_settings(setting or [])
    changes.update(dict.fromkeys(remove_setting or []))
    updated = Client().update_service_connector(connector, changes)
    render.console.print(f"Updated service connector '{updated.name}'.")


@app.command("verify")
def verify_connector(
    connector: ConnectorArgument,
    location: Annotated[
        str | None,
        typer.Option(
            "--location",
            "-l",
            help="Where to try, e.g. s3://bucket/prefix; default: "
            "each artifact store that uses the connector.",
        ),
    ] = None,
    output: OutputOption = "table",
) -> None:
    """Write, read back and delete a probe object with the connector (from the server
    when logged in to one); exits 1 when any location fails."""
    from headwater.client import Client

    check_output(output)
    results = Client().verify_service_connector(connector, location)
    if output == "json":
        render.print_json([r.model_dump(mode="json") for r in results])
    else:
        for result in results:
            render.console.print(_show_verification(result), highlight=False)
    if not all(r.ok for r in results):
        # Not typer.Exit: `main` runs the app outside standalone mode, which returns it.
        raise SystemExit(1)


@app.command("delete")
def delete_connector(connector: ConnectorArgument) -> None:
    """Delete a connector that no component uses."""
    from headwater.client import Client

    client = Client()
    found = client.get_service_connector(connector)
    client.delete_service_connector(found.id)
    render.console.print(f"Deleted service connector '{found.name}'.")


@app.command("types")
def list_types(output: OutputOption = "table") -> None:
    """List the connector types and the settings each takes."""
    from rich.table import Table

    from headwater.client import Client

    check_output(output)
    kinds = Client().list_service_connector_types()
    if output == "json":
        render.print_json([k.model_dump(mode="json") for k in kinds])
        return
    table = Table("type", "settings", "description")
    for kind in kinds:
        properties = kind.settings_schema.get("properties", {})
        required = set(kind.settings_schema.get("required", []))
        settings = "\n".join(
            name
            + (" (required)" if name in required else "")
            + (" (secret)" if name in kind.secret_fields else "")
            for name in properties
        )
        table.add_row(kind.type.value, settings or "-", kind.description)
    render.console.print(table)


def _show_secrets(connector: ServiceConnector) -> str:
    return "\n".join(f"{k}: {v.value}" for k, v in connector.secrets.items()) or "-"


def _show_verification(result: Verification) -> str:
    if result.ok:
        return f"OK {result.location}: {result.message}"
    kind = result.failure.value if result.failure is not None else "failed"
    return f"FAILED ({kind}) {result.location}: {result.message}"


def _components_using(client: Client, connector: ServiceConnector) -> list[str]:
    page = client.list_stack_components(sort_by="asc:name", size=10_000)
    return [
        f"{c.type.value} '{c.name}'"
        for c in page.items
        if c.project_id == connector.project_id and c.settings.get("connector") == connector.name
    ]

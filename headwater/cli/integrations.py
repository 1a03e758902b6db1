"""`headwater integration ...`: list integrations and install their packages."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render

app = typer.Typer(help="Optional integrations and their packages.", no_args_is_help=True)


@app.command("list")
def list_integrations() -> None:
    """Show every integration, its pinned packages and whether they are installed."""
    from rich.table import Table

    from headwater.integrations.registry import INTEGRATIONS, installed_version

    table = Table()
    table.add_column("integration", no_wrap=True)
    table.add_column("installed")
    # Pins are never cut short: the column fits the longest, each state on its own line.
    longest = max(len(r) for i in INTEGRATIONS.values() for r in i.requirements)
    table.add_column("packages", no_wrap=True, min_width=longest)
    table.add_column("description")
    for integration in INTEGRATIONS.values():
        packages = []
        for requirement in integration.requirements:
            found = installed_version(requirement)
            packages.append(f"{requirement}\n" + (f"  (have {found})" if found else "  (missing)"))
        mark = "[green]yes[/]" if integration.is_installed() else "[red]no[/]"
        table.add_row(integration.name, mark, "\n".join(packages), integration.description)
    render.console.print(table)


@app.command("install")
def install(
    name: Annotated[str, typer.Argument(help="The integration, e.g. dash.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Install without asking.")] = False,
) -> None:
    """Install an integration's pinned packages with pip into this environment."""
    from headwater.integrations.registry import get_integration, install_integration

    integration = get_integration(name)
    packages = " ".join(integration.requirements)
    if not yes and not typer.confirm(f"Install {packages} into this environment?"):
        raise typer.Abort()
    install_integration(integration)
    render.console.print(f"Installed the '{integration.name}' integration ({packages}).")

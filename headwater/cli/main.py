"""The `headwater` command: runs, steps, logs and cache decisions on the terminal.

Heavy modules (the store, pandas, ...) load inside commands, so `headwater --help`
answers fast.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from headwater.cli import (
    access,
    artifacts,
    audit,
    cache,
    catalog,
    components,
    connectors,
    integrations,
    lineage,
    login,
    metadata,
    models,
    pipelines,
    projects,
    roles,
    runs,
    server,
    service_accounts,
    stacks,
    teams,
    users,
    version,
)
from headwater.errors import HeadwaterError

app = typer.Typer(
    name="headwater",
    help="Headwater: ML pipelines that remember every run.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain help: Typer's Rich help loads Rich and a Markdown parser (~80 ms), and
    # `headwater --help` must answer in 150 ms (benchmarks/core.py measures it).
    rich_markup_mode=None,
)


@app.callback()
def _options(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version", callback=version.print_version, is_eager=True, help="Show the version."
        ),
    ] = False,
) -> None:
    """Headwater: ML pipelines that remember every run."""


app.add_typer(pipelines.app, name="pipelines")
app.add_typer(runs.app, name="runs")
app.add_typer(cache.app, name="cache")
app.add_typer(stacks.app, name="stack")
app.add_typer(components.app, name="component")
app.add_typer(connectors.app, name="connector")
app.add_typer(models.app, name="models")
app.command("logs")(runs.logs)
app.command("up")(server.up)
app.command("down")(server.down)
app.add_typer(server.server_app, name="server")
app.add_typer(integrations.app, name="integration")
runs.app.command("visualize")(lineage.visualize_run)
app.command("login")(login.login)
app.command("logout")(login.logout)
app.add_typer(artifacts.app, name="artifacts")
app.add_typer(catalog.tags_app, name="tags")
app.add_typer(catalog.users_app, name="users")
app.add_typer(projects.app, name="projects")
app.add_typer(teams.app, name="teams")
app.add_typer(roles.app, name="roles")
app.add_typer(audit.app, name="audit")
catalog.users_app.command("create")(users.create_user)
app.add_typer(catalog.users_app, name="user", hidden=True)
app.add_typer(service_accounts.service_accounts_app, name="service-accounts")
app.add_typer(service_accounts.api_keys_app, name="api-keys")
app.add_typer(metadata.app, name="metadata")
app.add_typer(access.app, name="access")
app.command("version")(version.version)


def main() -> None:
    """Entry point: run the app, turning our errors into one readable line."""
    debug = "--debug" in sys.argv
    if debug:
        sys.argv.remove("--debug")
    undecodable = _undecodable_argument(sys.argv[1:])
    if undecodable is not None:
        sys.stderr.write(f"Error: {undecodable}\n")
        sys.exit(2)
    try:
        app(standalone_mode=False)
    except HeadwaterError as exc:
        if debug:
            raise
        sys.stderr.write(f"Error: {exc}\n")
        sys.exit(1)
    except typer.Abort:
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # click's usage errors and anything unexpected
        usage_error = getattr(exc, "format_message", None)
        if debug or usage_error is None:
            raise
        sys.stderr.write(f"Error: {usage_error()}\n")
        sys.exit(2)


def _undecodable_argument(arguments: list[str]) -> str | None:
    """Why an argument is not text, or None: every name and filter must be valid UTF-8.

    Python hands invalid bytes over as lone surrogates, which no store, URL or terminal
    can encode; the message shows them as `\\xff` escapes.
    """
    for index, argument in enumerate(arguments):
        try:
            argument.encode("utf-8")
        except UnicodeEncodeError:
            shown = argument.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
            option = arguments[index - 1] if index and arguments[index - 1].startswith("-") else ""
            where = f" of {option}" if option else ""
            return (
                f"The argument '{shown}'{where} is not valid UTF-8 text. Type it again in a "
                f"UTF-8 terminal, or set LANG to a UTF-8 locale such as 'C.UTF-8'."
            )
    return None


if __name__ == "__main__":
    main()

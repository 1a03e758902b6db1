"""The `headwater` command: runs, steps, logs and cache decisions on the terminal.

Each command's module is imported only when that command runs (`lazy_group.py`), and
heavy modules (the store, pandas, ...) load inside commands, so `headwater --help` and
`headwater runs --help` answer fast.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from headwater.cli import version
from headwater.cli.lazy_group import LazyCommand, LazyTyperGroup
from headwater.errors import HeadwaterError

# Every command, in the order `headwater --help` lists them. A summary is the first
# sentence of the command's own help; tests/unit/cli/test_lazy_group.py holds them equal.
COMMANDS = (
    LazyCommand("logs", "headwater.cli.runs:logs", "Print a step's captured log lines."),
    LazyCommand(
        "up",
        "headwater.cli.server:up",
        "Serve the dashboard and the REST API over the configured store.",
    ),
    LazyCommand("down", "headwater.cli.server:down", "Stop the server `headwater up` started."),
    LazyCommand(
        "login",
        "headwater.cli.login:login",
        "Point this machine's runs and Client at a Headwater server.",
    ),
    LazyCommand(
        "logout",
        "headwater.cli.login:logout",
        "Forget the server this machine logged in to; runs record locally again.",
    ),
    LazyCommand(
        "version",
        "headwater.cli.version:version",
        "Show Headwater's version, and the server's when logged in to one.",
    ),
    LazyCommand("pipelines", "headwater.cli.pipelines:app", "Pipelines and their runs."),
    LazyCommand("runs", "headwater.cli.runs:app", "Pipeline runs and their steps."),
    LazyCommand("cache", "headwater.cli.cache:app", "Cache decisions."),
    LazyCommand("stack", "headwater.cli.stacks:app", "Stacks: the components runs execute on."),
    LazyCommand("component", "headwater.cli.components:app", "Stack components and their flavors."),
    LazyCommand(
        "connector",
        "headwater.cli.connectors:app",
        "Service connectors: named credentials components use.",
    ),
    LazyCommand("models", "headwater.cli.models:app", "Models, their versions and stages."),
    LazyCommand(
        "server", "headwater.cli.server:server_app", "Run a shared Headwater server for a team."
    ),
    LazyCommand(
        "integration", "headwater.cli.integrations:app", "Optional integrations and their packages."
    ),
    LazyCommand(
        "artifacts",
        "headwater.cli.artifacts:app",
        "Artifacts, their versions, and pruning unused ones.",
    ),
    LazyCommand("tags", "headwater.cli.catalog:tags_app", "Tags on runs, artifacts and models."),
    LazyCommand("users", "headwater.cli.users:users_app", "Users who ran pipelines."),
    LazyCommand(
        "projects",
        "headwater.cli.projects:app",
        "Projects, their members' roles, and the active project.",
    ),
    LazyCommand("teams", "headwater.cli.teams:app", "Teams of users who share project roles."),
    LazyCommand("roles", "headwater.cli.roles:app", "Project roles: built-in and custom."),
    LazyCommand(
        "audit", "headwater.cli.audit:app", "The audit trail of changes made through a server."
    ),
    LazyCommand(
        "user", "headwater.cli.users:users_app", "Users who ran pipelines.", is_hidden=True
    ),
    LazyCommand(
        "service-accounts",
        "headwater.cli.service_accounts:service_accounts_app",
        "Service accounts: users for CI jobs and schedulers.",
    ),
    LazyCommand(
        "api-keys", "headwater.cli.service_accounts:api_keys_app", "API keys of service accounts."
    ),
    LazyCommand(
        "metadata", "headwater.cli.metadata:app", "Metadata keys and their values over time."
    ),
    LazyCommand("access", "headwater.cli.access:app", "Who may do what, and why."),
)


class HeadwaterGroup(LazyTyperGroup):
    """The `headwater` group: the commands above, each imported when used."""

    index = COMMANDS


app = typer.Typer(
    name="headwater",
    help="Headwater: ML pipelines that remember every run.",
    cls=HeadwaterGroup,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain help: Typer's Rich help loads Rich and a Markdown parser (~80 ms), and
    # `headwater --help` must answer in 100 ms (benchmarks/cli_start.py measures it).
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

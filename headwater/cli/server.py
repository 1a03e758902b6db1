"""`headwater up` and `headwater down`: the API and dashboard on this machine."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render

HostOption = Annotated[str, typer.Option(help="Address to listen on.")]
AUTH_VARIABLE = "HEADWATER_SERVER_AUTH"
PortOption = Annotated[
    int, typer.Option(help="Port to listen on (0: any free port).", min=0, max=65535)
]
WorkersOption = Annotated[
    int,
    typer.Option(
        help="Server processes sharing the port (more answer more dashboards at once).",
        min=1,
        max=64,
    ),
]


def up(
    host: HostOption = "127.0.0.1",
    port: PortOption = 8237,
    blocking: Annotated[
        bool, typer.Option("--blocking", help="Serve in the foreground until Ctrl-C.")
    ] = False,
    auth: Annotated[
        bool,
        typer.Option(
            "--auth",
            envvar=AUTH_VARIABLE,
            help="Require a login on every route but health and login (server mode).",
        ),
    ] = False,
    workers: WorkersOption = 1,
) -> None:
    """Serve the dashboard and the REST API over the configured store."""
    from headwater.config import load_settings
    from headwater.server import process

    settings = load_settings()
    _check_serves_a_database(settings.store_url)
    home = settings.home
    running = process.find_running(home)
    if running is not None:
        render.console.print(f"Headwater is already running at {running.url} (pid {running.pid}).")
        return
    if not auth:
        _warn_if_reachable_from_elsewhere(host)
    if blocking:
        _serve_blocking(host, port, auth=auth, workers=workers)
        return
    started = process.start_background(home, host, port, auth=auth, workers=workers)
    render.console.print(
        f"Headwater is running at {started.url} (pid {started.pid}); log: "
        f"{process.log_file(home)}. Stop it with `headwater down`."
    )


def _warn_if_reachable_from_elsewhere(host: str) -> None:
    if host in ("127.0.0.1", "localhost", "::1"):
        return
    render.console.print(
        f"[yellow]Warning:[/] listening on '{host}': anyone who can reach this address can "
        f"read and change your runs, as the server requires no login. Keep it on a trusted "
        f"network, serve on 127.0.0.1, or add `--auth`."
    )


def _check_serves_a_database(store_url: str) -> None:
    from headwater.errors import ConfigurationError

    if store_url.startswith(("http://", "https://")):
        raise ConfigurationError(
            f"`headwater up` serves a database, but this machine records into the server at "
            f"'{store_url}'. Run `headwater logout` (or set HEADWATER_STORE_URL to a database "
            f"URL) to serve the local store."
        )


def down() -> None:
    """Stop the server `headwater up` started."""
    from headwater.config import load_settings
    from headwater.server import process

    home = load_settings().home
    running = process.find_running(home)
    if running is None:
        render.console.print("No Headwater server is running for this HEADWATER_HOME.")
        return
    process.stop(running)
    process.pid_file(home).unlink(missing_ok=True)
    render.console.print(f"Stopped the Headwater server at {running.url} (pid {running.pid}).")


def _serve_blocking(host: str, port: int, *, auth: bool, workers: int) -> None:
    from headwater.config import load_settings
    from headwater.server import process
    from headwater.server.app import create_app
    from headwater.server.serving import serve_forever
    from headwater.server.tokens import load_or_create_secret
    from headwater.session import get_session

    home = load_settings().home
    if workers > 1:
        from headwater.server.workers import serve_workers

        try:
            serve_workers(
                host,
                port,
                workers,
                auth=auth,
                on_started=lambda url: process.record_running(home, url),
            )
        finally:
            process.forget_running(home)
        return
    secret = load_or_create_secret(home) if auth else None
    try:
        serve_forever(
            create_app(get_session(), token_secret=secret),
            host,
            port,
            on_started=lambda url: process.record_running(home, url),
        )
    finally:
        process.forget_running(home)


server_app = typer.Typer(help="Run a shared Headwater server for a team.", no_args_is_help=True)


@server_app.command("start")
def start(
    database_url: Annotated[
        str,
        typer.Option(help="The shared database, e.g. postgresql+psycopg://host/headwater."),
    ],
    host: HostOption = "127.0.0.1",
    port: PortOption = 8237,
    blocking: Annotated[
        bool, typer.Option("--blocking", help="Serve in the foreground until Ctrl-C.")
    ] = False,
    auth: Annotated[
        bool, typer.Option("--auth/--no-auth", help="Require a login (the default here).")
    ] = True,
    workers: WorkersOption = 1,
) -> None:
    """Serve `database_url` to a team: `headwater up` on that database, login required."""
    import os

    from headwater.config import STORE_URL_VARIABLE

    os.environ[STORE_URL_VARIABLE] = database_url
    up(host=host, port=port, blocking=blocking, auth=auth, workers=workers)

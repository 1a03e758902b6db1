"""`headwater --version` and `headwater version`: this client's version, and the server's."""

from __future__ import annotations

import typer

from headwater.cli import render


def print_version(value: bool) -> None:
    """`--version`: print the installed version and stop (an eager option's callback)."""
    if value:
        from headwater import __version__

        typer.echo(f"headwater {__version__}")
        raise typer.Exit()


def version() -> None:
    """Show Headwater's version, and the server's when logged in to one."""
    from headwater import __version__
    from headwater.config import load_settings

    render.console.print(f"client: headwater {__version__}")
    url = load_settings().store_url
    if not url.startswith(("http://", "https://")):
        render.console.print("server: none (runs record into the local store)")
        return
    server_version = _server_version(url)
    if server_version is None:
        render.console.print(f"server: {url} [yellow](not answering; is it up?)[/]")
        return
    render.console.print(f"server: {url} runs headwater {server_version}")
    if not is_compatible(__version__, server_version):
        render.console.print(
            f"[yellow]Warning:[/] this client ({__version__}) and the server "
            f"({server_version}) may not understand each other. Install the server's "
            f"version here with `pip install 'headwater=={server_version}'`."
        )


def is_compatible(client: str, server: str) -> bool:
    """Same major version, and before 1.0 the same minor one too (0.x may break)."""
    client_parts, server_parts = client.split(".")[:2], server.split(".")[:2]
    if client_parts[0] != server_parts[0]:
        return False
    return client_parts[0] != "0" or client_parts[1:] == server_parts[1:]


def _server_version(url: str) -> str | None:
    """The version the server's health endpoint reports (it needs no login)."""
    import httpx

    try:
        response = httpx.get(f"{url.rstrip('/')}/api/v1/health", timeout=5)
        response.raise_for_status()
        return str(response.json()["version"])
    except (httpx.HTTPError, ValueError, KeyError, TypeError):
        return None

"""`headwater login URL` and `headwater logout`: record into a shared Headwater server."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render


def login(
    url: Annotated[str, typer.Argument(help="The server, e.g. https://headwater.example.com")],
    api_key: Annotated[
        str | None,
        typer.Option(help="An API key (a service account's, or your own) instead of a password."),
    ] = None,
    username: Annotated[
        str | None, typer.Option(help="Your user on a server that requires a login.")
    ] = None,
    password: Annotated[
        str | None, typer.Option(help="Your password (asked if a username is given without).")
    ] = None,
) -> None:
    """Point this machine's runs and Client at a Headwater server."""
    from headwater.config import load_settings
    from headwater.credentials import Credentials, save_credentials
    from headwater.errors import ConfigurationError
    from headwater.store.rest import RestStore

    if not url.startswith(("http://", "https://")):
        raise ConfigurationError(
            f"'{url}' is not a server URL. Give its address with the scheme, such as "
            f"'http://127.0.0.1:8237'."
        )
    token = api_key
    if username is not None:
        secret = password if password is not None else typer.prompt("Password", hide_input=True)
        token = access_token(url, username, secret)
    # Not retried: a wrong URL should say so at once, not after the retry window.
    server = RestStore(url, token, retry_seconds=0)
    try:
        artifact_store = server.artifact_store_url()
    finally:
        server.close()
    home = load_settings().home
    save_credentials(home, Credentials(url=server.url, token=token))
    render.console.print(
        f"Logged in to {server.url}. Runs now record there, with artifacts in "
        f"'{artifact_store}'. `headwater logout` goes back to the local store."
    )


def logout() -> None:
    """Forget the server this machine logged in to; runs record locally again."""
    from headwater.config import load_settings
    from headwater.credentials import forget_credentials

    if forget_credentials(load_settings().home):
        render.console.print("Logged out. Runs record into the local store again.")
    else:
        render.console.print("Not logged in to any server.")


def access_token(url: str, username: str, password: str) -> str:
    """A fresh access token from the server at `url` for that user's name and password.

    Raises:
        HeadwaterError: the server cannot be reached or refuses the login.
    """
    from headwater.store.rest.retries import RetryPolicy
    from headwater.store.rest.transport import Transport

    transport = Transport(url, retry=RetryPolicy(total_seconds=0))
    try:
        answer = transport.call("POST", "/login", body={"username": username, "password": password})
    finally:
        transport.close()
    return str(answer["access_token"])

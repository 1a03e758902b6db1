"""`headwater users`: the users list, and `users create NAME --role ROLE` for a server login."""

from __future__ import annotations

from typing import Annotated

import typer

from headwater.cli import render
from headwater.cli.catalog import users_app
from headwater.store.logins import ServerRole


def create_user(
    name: Annotated[str, typer.Argument(help="The user's name, used to log in.")],
    role: Annotated[
        ServerRole, typer.Option(help="viewer reads; member also writes; admin manages users.")
    ] = ServerRole.MEMBER,
    password: Annotated[
        str,
        typer.Option(
            prompt=True, hide_input=True, confirmation_prompt=True, help="Asked if not given."
        ),
    ] = "",
) -> None:
    """Let a user log in to the server over this store (resets an existing one's login)."""
    from headwater.errors import ConfigurationError
    from headwater.server.passwords import hash_password
    from headwater.session import get_session
    from headwater.store.factory import login_store_of

    store = login_store_of(get_session().store)
    if store is None:
        raise ConfigurationError(
            "Users are created on the server's own database, but this machine records "
            "into a server. Run this where the server runs (or set HEADWATER_STORE_URL "
            "to its database URL)."
        )
    saved = store.save_login(name, hash_password(password), role)
    render.console.print(f"User '{saved.name}' can now log in, with the role '{saved.role}'.")


# The list lives with the tags list in catalog.py; creating a login is this module's.
users_app.command("create")(create_user)

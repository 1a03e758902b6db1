"""`headwater service-accounts ...` and `headwater api-keys ...`: keys for programs.

Both talk to the server this machine logged in to (`headwater login URL --username
ADMIN`), as an admin: service accounts and keys exist only where a login is required.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any

import typer

from headwater.cli import render
from headwater.cli.options import OutputFormat, OutputOption
from headwater.store.logins import ServerRole

if TYPE_CHECKING:
    from headwater.store.rest.transport import Transport

service_accounts_app = typer.Typer(
    help="Service accounts: users for CI jobs and schedulers.", no_args_is_help=True
)
api_keys_app = typer.Typer(help="API keys of service accounts.", no_args_is_help=True)

AccountArgument = Annotated[str, typer.Argument(help="The service account's name or id.")]
KeyArgument = Annotated[str, typer.Argument(help="The key's id (see `headwater api-keys list`).")]
DaysOption = Annotated[
    int | None, typer.Option(min=1, max=3650, help="Days until the key ends (default: never).")
]


@service_accounts_app.command("create")
def create_service_account(
    name: Annotated[str, typer.Argument(help="The account's name, e.g. ci-nightly.")],
    role: Annotated[
        ServerRole, typer.Option(help="viewer reads; member also writes; admin manages users.")
    ] = ServerRole.MEMBER,
    description: Annotated[str | None, typer.Option(help="What the account is for.")] = None,
) -> None:
    """Create a service account (then give it a key with `headwater api-keys create`)."""
    body = {"name": name, "role": role.value, "description": description}
    made = _call("POST", "/service-accounts", body)
    render.console.print(
        f"Service account '{made['name']}' created with the role '{made['role']}'. Make it "
        f"a key with `headwater api-keys create {made['name']}`."
    )


@service_accounts_app.command("list")
def list_service_accounts(output: OutputOption = OutputFormat.TABLE) -> None:
    """List service accounts, deactivated ones included."""
    from rich.table import Table

    items = _call("GET", "/service-accounts")["items"]
    if output is OutputFormat.JSON:
        render.print_json(items)
        return
    table = Table("service account", "role", "created", "deactivated", "description")
    for item in items:
        table.add_row(
            render.literal(item["name"]),
            item["role"],
            _time(item["created"]),
            _time(item["deactivated"]),
            render.literal(item["description"] or ""),
        )
    render.console.print(table)


@service_accounts_app.command("deactivate")
def deactivate_service_account(account: AccountArgument) -> None:
    """Stop a service account from authenticating; all its keys stop working at once."""
    done = _call("POST", f"/service-accounts/{_segment(account)}/deactivate")
    render.console.print(f"Service account '{done['name']}' is deactivated.")


@api_keys_app.command("create")
def create_api_key(
    account: AccountArgument,
    name: Annotated[str, typer.Option(help="A name to tell the key apart.")] = "default",
    expires_in_days: DaysOption = None,
) -> None:
    """Make an API key for a service account and print it, once."""
    body = {"name": name, "expires_in_days": expires_in_days}
    made = _call("POST", f"/service-accounts/{_segment(account)}/api-keys", body)
    _show_new_key(made, f"API key '{made['name']}' ({made['id']}) made")


@api_keys_app.command("list")
def list_api_keys(account: AccountArgument, output: OutputOption = OutputFormat.TABLE) -> None:
    """List a service account's keys: status, made, last used, expiry (never secrets)."""
    from rich.table import Table

    items = _call("GET", f"/service-accounts/{_segment(account)}/api-keys")["items"]
    if output is OutputFormat.JSON:
        render.print_json(items)
        return
    table = Table("key", "name", "status", "created", "last used", "expires")
    for item in items:
        table.add_row(
            item["id"],
            render.literal(item["name"]),
            item["status"],
            _time(item["created"]),
            _time(item["last_used"]),
            _time(item["expires"]),
        )
    render.console.print(table)


@api_keys_app.command("rotate")
def rotate_api_key(
    key_id: KeyArgument,
    grace_seconds: Annotated[
        int, typer.Option(min=0, max=7 * 24 * 3600, help="How long the old key keeps working.")
    ] = 0,
    expires_in_days: DaysOption = None,
) -> None:
    """Replace a key by a new one; the old key stops now, or after a grace period."""
    body = {"grace_seconds": grace_seconds, "expires_in_days": expires_in_days}
    made = _call("POST", f"/api-keys/{_segment(key_id)}/rotate", body)
    ends = "now" if grace_seconds == 0 else f"in {grace_seconds} s"
    _show_new_key(made, f"Key rotated: the old key stops working {ends}; the new one is")


@api_keys_app.command("revoke")
def revoke_api_key(key_id: KeyArgument) -> None:
    """Make a key stop working now."""
    done = _call("POST", f"/api-keys/{_segment(key_id)}/revoke")
    render.console.print(f"API key '{done['name']}' ({done['id']}) is revoked.")


def _show_new_key(made: dict[str, Any], heading: str) -> None:
    # The raw key goes alone on stdout's last line, so scripts can take it with `tail -1`.
    render.console.print(f"{heading}. It is shown only this once; keep it secret:")
    typer.echo(made["key"])


def _call(method: str, path: str, body: Any = None) -> Any:
    transport = _server()
    try:
        return transport.call(method, path, body=body)
    finally:
        transport.close()


def _server() -> Transport:
    """A connection to the server this machine logged in to.

    Raises:
        ConfigurationError: this machine is not logged in to a server.
    """
    from headwater.config import load_settings
    from headwater.credentials import load_credentials, token_for
    from headwater.errors import ConfigurationError
    from headwater.store.rest.transport import Transport

    home = load_settings().home
    saved = load_credentials(home)
    if saved is None:
        raise ConfigurationError(
            "Service accounts and API keys live on a team server, and this machine is not "
            "logged in to one. Log in as an admin first: `headwater login URL --username NAME`."
        )
    return Transport(saved.url, token_for(saved.url, home))


def _segment(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


def _time(value: str | None) -> str:
    return render.timestamp(None if value is None else dt.datetime.fromisoformat(value))

"""People who log in with a password, as server admins manage them: listed, their
server role changed, deactivated (service accounts are in `service_accounts.py`)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from headwater.errors import EntityNotFoundError
from headwater.store.logins import AccountKind, ServerRole, UserAccount
from headwater.store.models import utc_now
from headwater.store.sql.schema import user_logins, users

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

_COLUMNS = (
    users.c.id,
    users.c.name,
    users.c.created,
    user_logins.c.role,
    user_logins.c.deactivated,
)
_IS_PERSON = user_logins.c.kind == AccountKind.USER.value


def list_user_accounts(connection: Connection) -> tuple[UserAccount, ...]:
    """Every user with a password login, by name."""
    query = select(*_COLUMNS).join_from(users, user_logins).where(_IS_PERSON)
    return tuple(_account(row) for row in connection.execute(query.order_by(users.c.name)))


def get_user_account(connection: Connection, name: str) -> UserAccount:
    """A user with a password login, by name.

    Raises:
        EntityNotFoundError: no user of that name can log in with a password.
    """
    query = select(*_COLUMNS).join_from(users, user_logins).where(_IS_PERSON)
    row = connection.execute(query.where(users.c.name == name)).first()
    if row is None:
        raise EntityNotFoundError(
            f"No user named '{name}' logs in to this server. List them with "
            f"`headwater users list`, or create one with `headwater users create {name}`."
        )
    return _account(row)


def set_server_role(connection: Connection, name: str, role: ServerRole) -> UserAccount:
    """Give a user another server role."""
    account = get_user_account(connection, name)
    connection.execute(
        user_logins.update()
        .where(user_logins.c.user_id == account.id)
        .values(role=role.value, updated=utc_now())
    )
    return get_user_account(connection, name)


def deactivate_user(connection: Connection, name: str) -> UserAccount:
    """Stop a user from logging in; the token epoch moves on, so every token ends too."""
    account = get_user_account(connection, name)
    if account.deactivated is None:
        connection.execute(
            user_logins.update()
            .where(user_logins.c.user_id == account.id)
            .values(
                deactivated=utc_now(),
                updated=utc_now(),
                token_epoch=user_logins.c.token_epoch + 1,
            )
        )
    return get_user_account(connection, name)


def _account(row: Row[*tuple[Any, ...]]) -> UserAccount:
    return UserAccount(
        id=row.id,
        name=row.name,
        role=ServerRole(row.role),
        created=row.created,
        deactivated=row.deactivated,
    )


class SqlUserAccountMethods:
    """The user-account calls of `SqlStore`; mixed into it, which gives the transactions."""

    _read: Callable[[], AbstractContextManager[Connection]]
    _write: Callable[..., AbstractContextManager[Connection]]

    def list_user_accounts(self) -> tuple[UserAccount, ...]:
        """See `LoginStore.list_user_accounts`."""
        with self._read() as connection:
            return list_user_accounts(connection)

    def set_server_role(self, name: str, role: ServerRole) -> UserAccount:
        """See `LoginStore.set_server_role`."""
        with self._write() as connection:
            return set_server_role(connection, name, role)

    def deactivate_user(self, name: str) -> UserAccount:
        """See `LoginStore.deactivate_user`."""
        with self._write() as connection:
            return deactivate_user(connection, name)

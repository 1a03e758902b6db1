"""Logins of users: the password hash and server-level role of users who can log in.

The `users` rows themselves are created on first use by runs; a login row next to one
is what lets that user log in to a server that requires it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from headwater.store.logins import AccountKind, ServerRole, UserLogin
from headwater.store.models import utc_now
from headwater.store.sql import login_failures
from headwater.store.sql.pipelines import ensure_user
from headwater.store.sql.schema import revoked_tokens, user_logins, users

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

    from headwater.store.logins import LoginRefusal

LOGIN_COLUMNS = (
    users.c.id,
    users.c.name,
    user_logins.c.password_hash,
    user_logins.c.role,
    user_logins.c.kind,
    user_logins.c.token_epoch,
)


def save_login(
    connection: Connection, name: str, password_hash: str, role: ServerRole
) -> UserLogin:
    """Create the user `name` if new, and set their password hash and role.

    A new password ends every token issued before it: the user's token epoch moves on.
    It also lets a deactivated user log in again: an admin handing out a password means it.
    """
    now = utc_now()
    user_id = ensure_user(connection, name, now)
    values = {"password_hash": password_hash, "role": role.value, "updated": now}
    changed = connection.execute(
        user_logins.update()
        .where(user_logins.c.user_id == user_id)
        .values(token_epoch=user_logins.c.token_epoch + 1, deactivated=None, **values)
    )
    if changed.rowcount == 0:
        connection.execute(user_logins.insert().values(user_id=user_id, **values))
    epoch = connection.execute(
        select(user_logins.c.token_epoch).where(user_logins.c.user_id == user_id)
    ).scalar_one()
    return UserLogin(
        user_id=user_id, name=name, password_hash=password_hash, role=role, token_epoch=epoch
    )


def find_login(connection: Connection, name_or_id: uuid.UUID | str) -> UserLogin | None:
    """The login of the user with that name (or id), if they can log in (not deactivated)."""
    joined = (
        select(*LOGIN_COLUMNS)
        .join_from(users, user_logins)
        .where(user_logins.c.deactivated.is_(None))
    )
    if isinstance(name_or_id, uuid.UUID):
        row = connection.execute(joined.where(users.c.id == name_or_id)).first()
    else:
        row = connection.execute(joined.where(users.c.name == name_or_id)).first()
    return None if row is None else login_of(row)


def login_of(row: Row[*tuple[Any, ...]]) -> UserLogin:
    """The `UserLogin` of a row selected with `LOGIN_COLUMNS` (among others, perhaps)."""
    # By column, not by name: joined with `api_keys`, `name` and `id` are the key's.
    values = row._mapping
    return UserLogin(
        user_id=values[users.c.id],
        name=values[users.c.name],
        password_hash=values[user_logins.c.password_hash],
        role=ServerRole(values[user_logins.c.role]),
        kind=AccountKind(values[user_logins.c.kind]),
        token_epoch=values[user_logins.c.token_epoch],
    )


class SqlLoginMethods:
    """The login calls of `SqlStore`; mixed into it, which gives the transactions."""

    _read: Callable[[], AbstractContextManager[Connection]]
    _write: Callable[..., AbstractContextManager[Connection]]

    def save_login(self, name: str, password_hash: str, role: ServerRole) -> UserLogin:
        """Let user `name` (created if new) log in with that password hash and role."""
        with self._write() as connection:
            return save_login(connection, name, password_hash, role)

    def ensure_user(self, name: str) -> uuid.UUID:
        """The id of the user `name`, created if new (without a login)."""
        with self._read() as connection:
            found = connection.execute(select(users.c.id).where(users.c.name == name)).first()
        if found is not None:
            # Read first: the dashboard asks on every page load, and a write would queue.
            return uuid.UUID(str(found.id))
        with self._write() as connection:
            return ensure_user(connection, name, utc_now())

    def begin_login_attempt(
        self,
        attempt_id: uuid.UUID,
        limits: Sequence[tuple[str, int]],
        window_seconds: float,
        now: float,
    ) -> LoginRefusal | None:
        """See `LoginStore.begin_login_attempt`."""
        with self._write() as connection:
            return login_failures.begin_attempt(connection, attempt_id, limits, window_seconds, now)

    def forget_login_success(self, attempt_id: uuid.UUID, user_key: str) -> None:
        """See `LoginStore.forget_login_success`."""
        with self._write() as connection:
            login_failures.forget_success(connection, attempt_id, user_key)

    def find_login(self, name_or_id: uuid.UUID | str) -> UserLogin | None:
        """The login of a user by name or id; None if they cannot log in."""
        with self._read() as connection:
            return find_login(connection, name_or_id)

    def revoke_token(self, token_id: str, user_id: uuid.UUID, expires: dt.datetime) -> None:
        """Refuse one access token from now on (logging a browser out), until it expires."""
        with self._write() as connection:
            # Tokens that expired anyway are forgotten here: the table stays small.
            connection.execute(revoked_tokens.delete().where(revoked_tokens.c.expires < utc_now()))
            known = select(revoked_tokens.c.token_id).where(revoked_tokens.c.token_id == token_id)
            if connection.execute(known).first() is None:
                connection.execute(
                    revoked_tokens.insert().values(
                        token_id=token_id, user_id=user_id, expires=expires
                    )
                )

    def is_token_revoked(self, token_id: str) -> bool:
        """Whether that access token was ended before its expiry."""
        with self._read() as connection:
            found = select(revoked_tokens.c.token_id).where(revoked_tokens.c.token_id == token_id)
            return connection.execute(found).first() is not None

    def end_every_token(self, user_id: uuid.UUID) -> None:
        """Refuse every access token and session issued to a user so far ("log out
        everywhere"): their token epoch moves on, as with a new password."""
        with self._write() as connection:
            connection.execute(
                user_logins.update()
                .where(user_logins.c.user_id == user_id)
                .values(token_epoch=user_logins.c.token_epoch + 1, updated=utc_now())
            )

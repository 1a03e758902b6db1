"""One-time activation links: a new user without a password, and the link to set one.

An admin makes the user and the link at once; the user opens the link and sets their
password, which ends the link. Only the SHA-256 of the link's secret is stored.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from headwater.errors import EntityExistsError, StatusTransitionError
from headwater.store.logins import AccountKind, ActivationLink, ServerRole, UserLogin
from headwater.store.models import utc_now
from headwater.store.sql.pipelines import ensure_user
from headwater.store.sql.schema import activation_links, user_logins, users
from headwater.store.sql.users import find_login

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

# A user who has not set a password yet: no password matches an empty hash.
_NO_PASSWORD = ""


def create_activation_link(
    connection: Connection,
    name: str,
    role: ServerRole,
    *,
    link_id: uuid.UUID,
    secret_hash: str,
    expires: dt.datetime,
) -> ActivationLink:
    """Make user `name` (no password yet) and a link for them; a user still waiting for
    their first password gets a new link, and their earlier links end.

    Raises:
        EntityExistsError: `name` already logs in (with a password, or as a service account).
    """
    now = utc_now()
    existing = connection.execute(
        select(user_logins.c.password_hash, user_logins.c.kind)
        .join_from(users, user_logins)
        .where(users.c.name == name)
    ).first()
    if existing is not None and (
        existing.password_hash != _NO_PASSWORD or existing.kind != AccountKind.USER.value
    ):
        raise EntityExistsError(
            f"A user or service account named '{name}' already logs in to this server. "
            f"Pick another name, or set a new password for them with "
            f"`headwater users create {name} --password ...`."
        )
    user_id = ensure_user(connection, name, now)
    if existing is None:
        connection.execute(
            user_logins.insert().values(
                user_id=user_id, password_hash=_NO_PASSWORD, role=role.value, updated=now
            )
        )
    else:
        connection.execute(
            user_logins.update()
            .where(user_logins.c.user_id == user_id)
            .values(role=role.value, updated=now, deactivated=None)
        )
        connection.execute(
            activation_links.update()
            .where(
                activation_links.c.user_id == user_id,
                activation_links.c.used.is_(None),
                activation_links.c.expires > now,
            )
            .values(expires=now)
        )
    connection.execute(
        activation_links.insert().values(
            id=link_id, user_id=user_id, secret_hash=secret_hash, created=now, expires=expires
        )
    )
    found = find_activation_link(connection, link_id)
    assert found is not None  # inserted just above, in this transaction
    return found


def find_activation_link(connection: Connection, link_id: uuid.UUID) -> ActivationLink | None:
    """An activation link by id, with its user's name; None if there is none."""
    row = connection.execute(
        select(activation_links, users.c.name)
        .join_from(activation_links, users, activation_links.c.user_id == users.c.id)
        .where(activation_links.c.id == link_id)
    ).first()
    return None if row is None else _link(row)


def activate_user(connection: Connection, link_id: uuid.UUID, password_hash: str) -> UserLogin:
    """Give the link's user their first password and end the link, in one transaction.

    Both updates are conditional, so of two browsers using one link only one succeeds.

    Raises:
        StatusTransitionError: the link is used, expired or unknown, or its user already
            has a password (an admin set one).
    """
    now = utc_now()
    ended = connection.execute(
        activation_links.update()
        .where(
            activation_links.c.id == link_id,
            activation_links.c.used.is_(None),
            activation_links.c.expires > now,
        )
        .values(used=now)
    )
    link = find_activation_link(connection, link_id)
    if ended.rowcount != 1 or link is None:
        raise StatusTransitionError(
            "This activation link was used already or has expired. Ask a server admin for "
            "a new one."
        )
    changed = connection.execute(
        user_logins.update()
        .where(
            user_logins.c.user_id == link.user_id,
            user_logins.c.password_hash == _NO_PASSWORD,
            user_logins.c.kind == AccountKind.USER.value,
            user_logins.c.deactivated.is_(None),
        )
        .values(
            password_hash=password_hash,
            updated=now,
            token_epoch=user_logins.c.token_epoch + 1,
        )
    )
    login = find_login(connection, link.user_id)
    if changed.rowcount != 1 or login is None:
        raise StatusTransitionError(
            f"User '{link.user_name}' has a password already (or was deactivated), so this "
            f"activation link no longer applies. Log in, or ask a server admin for help."
        )
    return login


def _link(row: Row[*tuple[Any, ...]]) -> ActivationLink:
    values = row._mapping
    return ActivationLink(
        id=values[activation_links.c.id],
        user_id=values[activation_links.c.user_id],
        user_name=values[users.c.name],
        secret_hash=values[activation_links.c.secret_hash],
        created=values[activation_links.c.created],
        expires=values[activation_links.c.expires],
        used=values[activation_links.c.used],
    )


class SqlActivationLinkMethods:
    """The activation link calls of `SqlStore`; mixed into it, which gives the transactions."""

    _read: Callable[[], AbstractContextManager[Connection]]
    _write: Callable[..., AbstractContextManager[Connection]]

    def create_activation_link(
        self,
        name: str,
        role: ServerRole,
        *,
        link_id: uuid.UUID,
        secret_hash: str,
        expires: dt.datetime,
    ) -> ActivationLink:
        """See `create_activation_link`."""
        with self._write() as connection:
            return create_activation_link(
                connection, name, role, link_id=link_id, secret_hash=secret_hash, expires=expires
            )

    def find_activation_link(self, link_id: uuid.UUID) -> ActivationLink | None:
        """See `find_activation_link`."""
        with self._read() as connection:
            return find_activation_link(connection, link_id)

    def activate_user(self, link_id: uuid.UUID, password_hash: str) -> UserLogin:
        """See `activate_user`."""
        with self._write() as connection:
            return activate_user(connection, link_id, password_hash)

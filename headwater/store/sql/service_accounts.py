"""Service accounts and their API keys: made, listed, deactivated, rotated and revoked.

A service account is a `users` row with a login of kind `service_account`, whose empty
password hash no password matches; it authenticates only with its API keys.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from headwater.errors import EntityExistsError, EntityNotFoundError, StatusTransitionError
from headwater.store.logins import (
    AccountKind,
    ApiKey,
    KeyLogin,
    ServerRole,
    ServiceAccount,
)
from headwater.store.models import utc_now
from headwater.store.sql.recording.rows import as_id
from headwater.store.sql.recording.runs import ensure_user
from headwater.store.sql.schema import api_keys, user_logins, users
from headwater.store.sql.users import LOGIN_COLUMNS, login_of

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlalchemy.engine import Connection

_ACCOUNT_COLUMNS = (
    users.c.id,
    users.c.name,
    users.c.created,
    user_logins.c.role,
    user_logins.c.description,
    user_logins.c.deactivated,
)
_IS_SERVICE_ACCOUNT = user_logins.c.kind == AccountKind.SERVICE_ACCOUNT.value


def create_service_account(
    connection: Connection, name: str, role: ServerRole, description: str | None
) -> ServiceAccount:
    """A new service account `name`.

    Raises:
        EntityExistsError: a user or service account of that name can already log in.
    """
    taken = connection.execute(
        select(users.c.id).join_from(users, user_logins).where(users.c.name == name)
    ).first()
    if taken is not None:
        raise EntityExistsError(
            f"A user or service account named '{name}' already exists. Pick another name, "
            f"or list service accounts with `headwater service-accounts list`."
        )
    now = utc_now()
    user_id = ensure_user(connection, name, now)
    connection.execute(
        user_logins.insert().values(
            user_id=user_id,
            password_hash="",
            role=role.value,
            kind=AccountKind.SERVICE_ACCOUNT.value,
            description=description,
            updated=now,
        )
    )
    return get_service_account(connection, user_id)


def get_service_account(connection: Connection, name_or_id: uuid.UUID | str) -> ServiceAccount:
    """A service account by id or name.

    Raises:
        EntityNotFoundError: no service account has that id or name.
    """
    query = select(*_ACCOUNT_COLUMNS).join_from(users, user_logins).where(_IS_SERVICE_ACCOUNT)
    row_id = as_id(name_or_id)
    row = None
    if row_id is not None:
        row = connection.execute(query.where(users.c.id == row_id)).first()
    if row is None:
        row = connection.execute(query.where(users.c.name == str(name_or_id))).first()
    if row is None:
        raise EntityNotFoundError(
            f"No service account with id or name '{name_or_id}'. List them with "
            f"`headwater service-accounts list`."
        )
    return _account(row)


def list_service_accounts(connection: Connection) -> tuple[ServiceAccount, ...]:
    """Every service account, oldest first, deactivated ones included."""
    query = (
        select(*_ACCOUNT_COLUMNS)
        .join_from(users, user_logins)
        .where(_IS_SERVICE_ACCOUNT)
        .order_by(users.c.created, users.c.id)
    )
    return tuple(_account(row) for row in connection.execute(query))


def deactivate_service_account(
    connection: Connection, name_or_id: uuid.UUID | str
) -> ServiceAccount:
    """Stop a service account from authenticating; its keys stop working at once.

    Raises:
        EntityNotFoundError: no service account has that id or name.
    """
    account = get_service_account(connection, name_or_id)
    if account.deactivated is None:
        connection.execute(
            user_logins.update()
            .where(user_logins.c.user_id == account.id)
            .values(deactivated=utc_now(), updated=utc_now())
        )
    return get_service_account(connection, account.id)


def create_api_key(
    connection: Connection,
    account_id: uuid.UUID,
    *,
    key_id: uuid.UUID,
    name: str,
    secret_hash: str,
    expires: dt.datetime | None,
) -> ApiKey:
    """Record a new key of a service account (the caller made its id and secret)."""
    connection.execute(
        api_keys.insert().values(
            id=key_id,
            user_id=account_id,
            name=name,
            secret_hash=secret_hash,
            created=utc_now(),
            expires=expires,
        )
    )
    return get_api_key(connection, key_id)


def get_api_key(connection: Connection, key_id: uuid.UUID) -> ApiKey:
    """An API key by id, without its secret.

    Raises:
        EntityNotFoundError: no key has that id.
    """
    row = connection.execute(select(api_keys).where(api_keys.c.id == key_id)).first()
    if row is None:
        raise EntityNotFoundError(
            f"No API key with id '{key_id}'. List a service account's keys with "
            f"`headwater api-keys list ACCOUNT`."
        )
    return _key(row)


def list_api_keys(connection: Connection, account_id: uuid.UUID) -> tuple[ApiKey, ...]:
    """Every key of a service account, oldest first, revoked and expired ones included."""
    query = (
        select(api_keys)
        .where(api_keys.c.user_id == account_id)
        .order_by(api_keys.c.created, api_keys.c.id)
    )
    return tuple(_key(row) for row in connection.execute(query))


def end_api_key(connection: Connection, key_id: uuid.UUID, *, at: dt.datetime) -> ApiKey:
    """Make a key stop working at `at`: revoked now, or expiring then (a grace period).

    Raises:
        EntityNotFoundError: no key has that id.
    """
    key = get_api_key(connection, key_id)
    now = utc_now()
    if at <= now:
        values: dict[str, Any] = {"revoked": key.revoked or now}
    else:
        values = {"expires": at if key.expires is None else min(key.expires, at)}
    connection.execute(api_keys.update().where(api_keys.c.id == key_id).values(**values))
    return get_api_key(connection, key_id)


@dataclass(frozen=True, slots=True)
class RetiredKey:
    """A key just marked rotated, and when it would have expired had it not been."""

    service_account_id: uuid.UUID
    name: str
    expires_before_rotation: dt.datetime | None


def retire_api_key(connection: Connection, key_id: uuid.UUID, *, ends: dt.datetime) -> RetiredKey:
    """Mark a working key rotated and make it stop at `ends` (or its own expiry if sooner).

    One conditional UPDATE, so of two concurrent rotations of one key only one succeeds.

    Raises:
        EntityNotFoundError: no key has that id.
        StatusTransitionError: the key is revoked, expired or already rotated.
    """
    key = get_api_key(connection, key_id)
    now = utc_now()
    ended_at = now if ends <= now else ends
    new_expiry = ended_at if key.expires is None else min(key.expires, ended_at)
    changed = connection.execute(
        api_keys.update()
        .where(
            api_keys.c.id == key_id,
            api_keys.c.revoked.is_(None),
            api_keys.c.rotated.is_(None),
            or_(api_keys.c.expires.is_(None), api_keys.c.expires > now),
        )
        .values(
            rotated=now,
            **({"revoked": now} if ends <= now else {"expires": new_expiry}),
        )
    )
    if changed.rowcount != 1:
        raise StatusTransitionError(_why_not_rotatable(get_api_key(connection, key_id), now))
    return RetiredKey(
        service_account_id=key.service_account_id,
        name=key.name,
        expires_before_rotation=key.expires,
    )


def _why_not_rotatable(key: ApiKey, now: dt.datetime) -> str:
    if key.rotated is not None:
        ending = f"rotated (on {key.rotated:%Y-%m-%d %H:%M} UTC)"
    elif key.revoked is not None:
        ending = f"revoked (on {key.revoked:%Y-%m-%d %H:%M} UTC)"
    else:
        ending = "expired"
    return (
        f"API key '{key.name}' ({key.id}) is {ending}, so it cannot be rotated: only a "
        f"working key has a successor to make. Rotate the key that replaced it, or make a "
        f"new one with `headwater api-keys create ACCOUNT`."
    )


def find_key_login(connection: Connection, key_id: uuid.UUID) -> KeyLogin | None:
    """The key and its active owner's login, unless the key is revoked or the owner
    deactivated (expiry is the caller's to check against its clock)."""
    query = (
        select(api_keys, *LOGIN_COLUMNS)
        .join_from(api_keys, users, api_keys.c.user_id == users.c.id)
        .join(user_logins, user_logins.c.user_id == users.c.id)
        .where(
            api_keys.c.id == key_id,
            api_keys.c.revoked.is_(None),
            user_logins.c.deactivated.is_(None),
        )
    )
    row = connection.execute(query).first()
    if row is None:
        return None
    return KeyLogin(key=_key(row), secret_hash=row.secret_hash, login=login_of(row))


def mark_key_used(connection: Connection, key_id: uuid.UUID, when: dt.datetime) -> None:
    """Record when a key last authenticated a request."""
    connection.execute(api_keys.update().where(api_keys.c.id == key_id).values(last_used=when))


def _account(row: Row[*tuple[Any, ...]]) -> ServiceAccount:
    return ServiceAccount(
        id=row.id,
        name=row.name,
        role=ServerRole(row.role),
        description=row.description,
        created=row.created,
        deactivated=row.deactivated,
    )


def _key(row: Row[*tuple[Any, ...]]) -> ApiKey:
    # `row.id` is the key's own id: selected first, it wins over the owner's `users.id`.
    return ApiKey(
        id=row._mapping[api_keys.c.id],
        service_account_id=row._mapping[api_keys.c.user_id],
        name=row._mapping[api_keys.c.name],
        created=row._mapping[api_keys.c.created],
        expires=row._mapping[api_keys.c.expires],
        last_used=row._mapping[api_keys.c.last_used],
        revoked=row._mapping[api_keys.c.revoked],
        rotated=row._mapping[api_keys.c.rotated],
    )


class SqlServiceAccountMethods:
    """The service account and API key calls of `SqlStore`; mixed into it."""

    _read: Callable[[], AbstractContextManager[Connection]]
    _write: Callable[..., AbstractContextManager[Connection]]

    def create_service_account(
        self, name: str, role: ServerRole, description: str | None = None
    ) -> ServiceAccount:
        """See `create_service_account`."""
        with self._write() as connection:
            return create_service_account(connection, name, role, description)

    def get_service_account(self, name_or_id: uuid.UUID | str) -> ServiceAccount:
        """See `get_service_account`."""
        with self._read() as connection:
            return get_service_account(connection, name_or_id)

    def list_service_accounts(self) -> tuple[ServiceAccount, ...]:
        """See `list_service_accounts`."""
        with self._read() as connection:
            return list_service_accounts(connection)

    def deactivate_service_account(self, name_or_id: uuid.UUID | str) -> ServiceAccount:
        """See `deactivate_service_account`."""
        with self._write() as connection:
            return deactivate_service_account(connection, name_or_id)

    def create_api_key(
        self,
        account_id: uuid.UUID,
        *,
        key_id: uuid.UUID,
        name: str,
        secret_hash: str,
        expires: dt.datetime | None,
    ) -> ApiKey:
        """See `create_api_key`."""
        with self._write() as connection:
            return create_api_key(
                connection,
                account_id,
                key_id=key_id,
                name=name,
                secret_hash=secret_hash,
                expires=expires,
            )

    def get_api_key(self, key_id: uuid.UUID) -> ApiKey:
        """See `get_api_key`."""
        with self._read() as connection:
            return get_api_key(connection, key_id)

    def list_api_keys(self, account_id: uuid.UUID) -> tuple[ApiKey, ...]:
        """See `list_api_keys`."""
        with self._read() as connection:
            return list_api_keys(connection, account_id)

    def rotate_api_key(
        self,
        key_id: uuid.UUID,
        *,
        new_key_id: uuid.UUID,
        secret_hash: str,
        expires: dt.datetime | None,
        old_key_ends: dt.datetime,
    ) -> ApiKey:
        """Replace a key by a new one of the same name, in one transaction: the old key
        stops working at `old_key_ends` (now, or after a grace period). The new key ends
        at `expires`, or when the old one would have (None keeps the old key's expiry, so
        rotating never turns an expiring key into a permanent one).

        Raises:
            EntityNotFoundError: no key has that id.
            StatusTransitionError: the key is revoked, expired or already rotated.
        """
        with self._write() as connection:
            old = retire_api_key(connection, key_id, ends=old_key_ends)
            return create_api_key(
                connection,
                old.service_account_id,
                key_id=new_key_id,
                name=old.name,
                secret_hash=secret_hash,
                expires=old.expires_before_rotation if expires is None else expires,
            )

    def revoke_api_key(self, key_id: uuid.UUID) -> ApiKey:
        """Make a key stop working now.

        Raises:
            EntityNotFoundError: no key has that id.
        """
        with self._write() as connection:
            return end_api_key(connection, key_id, at=utc_now())

    def find_key_login(self, key_id: uuid.UUID) -> KeyLogin | None:
        """See `find_key_login`."""
        with self._read() as connection:
            return find_key_login(connection, key_id)

    def mark_key_used(self, key_id: uuid.UUID, when: dt.datetime) -> None:
        """See `mark_key_used`."""
        with self._write() as connection:
            mark_key_used(connection, key_id, when)
